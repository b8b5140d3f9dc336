# kafka.flatten: Kafka Connect's Flatten ($Key / $Value) as a script.
# Flattens nested maps (structs) into one level, joining names with the delimiter:
# {a: {b: 1}} -> {"a.b": 1}. Lists and their contents are not changed.
#   - A None key/value passes unchanged.
#   - Schemaless: the key/value must be a map; a nested map becomes its fields (an empty one
#     disappears), None stays as a field.
#   - With a schema: a nested struct's fields become top-level fields; a field is optional
#     when it or any struct above it is optional; a map field is an error. The output keeps
#     the input's name, version, doc and parameters; it is not optional. Two fields that
#     flatten to the same name are an error.

PURPOSE = "flattening"


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


def _flatten_schemaless(m, prefix, delimiter, out):
    for key in list(m.keys()):
        name = key if prefix == "" else prefix + delimiter + key
        v = m[key]
        if _is_map(v):
            _flatten_schemaless(v, name, delimiter, out)
        else:
            out[name] = v


def _field_schema(s, optional):
    """A field schema's own attributes (SchemaUtil.copySchemaBasics), optional if asked."""
    out = {"type": s["type"], "optional": optional}
    for k in ("name", "version", "doc", "parameters"):
        if s.get(k) is not None:
            out[k] = s[k]
    if s["type"] == "array":
        out["valueSchema"] = s["valueSchema"]
    return out


def _flatten_schema(schema, prefix, delimiter, optional, fields):
    for f in schema.get("fields") or []:
        name = f["name"] if prefix == "" else prefix + delimiter + f["name"]
        fs = f["schema"]
        field_optional = optional or fs.get("optional") is True
        if fs["type"] == "struct":
            _flatten_schema(fs, name, delimiter, field_optional, fields)
        elif fs["type"] == "map":
            raise ValueError("Flatten transformation does not support MAP for record with schemas (for field %s)." % name)
        else:
            if any(g["name"] == name for g in fields):
                raise ValueError("Cannot create field because of field name duplication " + name)
            fields.append({"name": name, "schema": _field_schema(fs, field_optional)})


def _flatten_struct(value, schema, prefix, delimiter, out):
    if value is None:
        return
    for f in schema.get("fields") or []:
        name = f["name"] if prefix == "" else prefix + delimiter + f["name"]
        v = value[f["name"]] if f["name"] in value else None
        if f["schema"]["type"] == "struct":
            _flatten_struct(v, f["schema"], name, delimiter, out)
        else:
            out[name] = v


def _config(params):
    d = params.get("delimiter")
    return "." if d is None else str(d), _is_key_target(params)


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
    delimiter, is_key = _config_for(ctx.params)
    value = msg.key if is_key else msg.value
    schema = msg.keySchema if is_key else msg.valueSchema
    if value is None:
        return msg
    out = {}
    if schema is None:
        if not _is_map(value):
            raise ValueError("Only Map objects supported in absence of schema for [%s], found: %s"
                             % (PURPOSE, _type_name(value)))
        _flatten_schemaless(value, "", delimiter, out)
        if is_key:
            msg.key = out
        else:
            msg.value = out
        return msg
    if schema["type"] != "struct" or not _is_map(value):
        raise ValueError("Only Struct objects supported for [%s], found: %s" % (PURPOSE, _type_name(value)))
    fields = []
    _flatten_schema(schema, "", delimiter, schema.get("optional") is True, fields)
    flat = {"type": "struct", "optional": False}
    for k in ("name", "version", "doc", "parameters"):
        if schema.get(k) is not None:
            flat[k] = schema[k]
    flat["fields"] = fields
    _flatten_struct(value, schema, "", delimiter, out)
    for f in fields:
        if f["name"] not in out:
            out[f["name"]] = None
    if is_key:
        msg.key = out
        msg.keySchema = flat
    else:
        msg.value = out
        msg.valueSchema = flat
    return msg
