# kafka.extract-field: Kafka Connect's ExtractField ($Key / $Value) as a script.
# Replaces the key or value by one of its fields.
#   - field.syntax.version V1 (default): 'field' is one top-level field name, taken
#     literally (dots included). V2: a dotted path into nested structs/maps; wrap a name
#     that contains dots in backticks (`a.b`.c), escape a backtick before a dot with '\'.
#   - Schemaless: the key/value must be a map or None; the result is the field's value,
#     None when a step of the path is missing or None. A step that is not a map is an error.
#   - With a schema: the field must exist in the schema (else an error, even for a None
#     value); the result has the field's schema.

PURPOSE = "field extraction"


def _is_map(v):
    return isinstance(v, dict) or (hasattr(v, "keys") and hasattr(v, "__getitem__"))


def _is_list(v):
    return (not isinstance(v, (str, bytes)) and not _is_map(v)
            and hasattr(v, "__len__") and hasattr(v, "__getitem__"))


def _type_name(v):
    if v is None:
        return "null"
    if _is_map(v):
        return "map"
    if _is_list(v):
        return "list"
    return type(v).__name__


def _is_key_target(params):
    t = params.get("target")
    t = "value" if t is None else str(t)
    if t not in ("key", "value"):
        raise ValueError("target must be 'key' or 'value', found '%s'" % t)
    return t == "key"


def _check_replace_null(params):
    r = params.get("replace.null.with.default")
    if r is not None and r is not True and str(r).lower() != "true":
        raise ValueError("replace.null.with.default=false is not supported: Catena reads struct fields with their"
                         " defaults applied and its schemas carry no default values")


def _incomplete(path, at):
    raise ValueError("Incomplete backtick pair in path: [%s], consider adding a backslash before backtick at"
                     " position %d to escape it" % (path, at))


def _path_steps(path, version):
    """KIP-821's SingleFieldPath for V2 (a port of its parser, corner cases included)."""
    if version == "V1":
        return [path]
    steps = []
    idx = 0
    n = len(path)
    while 0 <= idx < n:
        if path[idx] != "`":
            start = idx
            idx = path.find(".", idx)
            if idx >= 0:
                steps.append(path[start:idx])
                idx += 1
            else:
                steps.append(path[start:])
        else:
            backtick_at = idx
            idx += 1
            field = ""
            start = idx
            while True:
                idx = path.find("`", idx)
                if idx == -1:
                    _incomplete(path, backtick_at)
                escaped = path[idx - 1] == "\\"
                if idx >= n - 1:
                    if escaped:
                        _incomplete(path, backtick_at)
                    field += path[start:idx]
                    steps.append(field)
                    idx += 1
                    break
                if path[idx + 1] != ".":
                    idx += 1
                    continue
                if escaped:
                    field += path[start:idx - 1] + "`"
                    idx += 1
                    start = idx
                    continue
                field += path[start:idx]
                steps.append(field)
                idx += 2
                break
    if n > 0 and path[-1] == ".":
        steps.append("")
    if not steps:
        raise ValueError("field '%s' names no field" % path)
    return steps


def _syntax_version(params):
    raw = params.get("field.syntax.version")
    v = "V1" if raw is None else str(raw).upper()
    if v not in ("V1", "V2"):
        raise ValueError("field.syntax.version must be V1 or V2, found '%s'" % raw)
    return v


def _struct_field(schema, name):
    if schema["type"] != "struct":
        raise ValueError("Cannot look up fields on non-struct type " + schema["type"])
    for f in schema.get("fields") or []:
        if f["name"] == name:
            return f
    return None


def _field_from(schema, steps):
    current = schema
    for step in steps[:-1]:
        f = _struct_field(current, step)
        if f is None:
            return None
        current = f["schema"]
    return _struct_field(current, steps[-1])


def _value_from(value, steps, with_schema):
    current = value
    for step in steps[:-1]:
        sub = current[step] if step in current else None
        if sub is None:
            return None
        if not _is_map(sub):
            raise ValueError(("Only Struct objects supported for [nested field access], found: " if with_schema
                              else "Only Map objects supported in absence of schema for [nested field access], found: ")
                             + _type_name(sub))
        current = sub
    last = steps[-1]
    return current[last] if last in current else None


def _config(params):
    _check_replace_null(params)
    field = str(params["field"])
    steps = _path_steps(field, _syntax_version(params))
    return field, steps, _is_key_target(params)


# The parsed params, once per params object: ctx.params is the same read-only object on
# every call of a step, and one context may run this script for several steps. It is a
# foreign dict, which Python cannot hash, so entries are (params, config) pairs found by
# identity. A config that fails to parse is not stored: every record fails the same way.
_CONFIGS = []
_MAX_CONFIGS = 64


def _config_for(params):
    for p, c in _CONFIGS:
        if p is params:
            return c
    c = _config(params)
    if len(_CONFIGS) >= _MAX_CONFIGS:
        _CONFIGS.clear()
    _CONFIGS.append((params, c))
    return c


def transform(msg, ctx):
    field_name, steps, is_key = _config_for(ctx.params)
    value = msg.key if is_key else msg.value
    schema = msg.keySchema if is_key else msg.valueSchema
    result_schema = None
    if schema is None:
        if value is not None and not _is_map(value):
            raise ValueError("Only Map objects supported in absence of schema for [%s], found: %s"
                             % (PURPOSE, _type_name(value)))
        result = None if value is None else _value_from(value, steps, False)
    else:
        if value is not None and not _is_map(value):
            raise ValueError("Only Struct objects supported for [%s], found: %s" % (PURPOSE, _type_name(value)))
        field = _field_from(schema, steps)
        if field is None:
            raise ValueError("Unknown field: %s" % field_name)
        result_schema = field["schema"]
        result = None if value is None else _value_from(value, steps, True)
    if is_key:
        msg.key = result
        msg.keySchema = result_schema
    else:
        msg.value = result
        msg.valueSchema = result_schema
    return msg
