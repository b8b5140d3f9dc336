# kafka.header-from: Kafka Connect's HeaderFrom ($Key / $Value) as a script.
# Copies or moves top-level fields of the key or value into headers: fields[i] goes to
# headers[i] (both lists, or comma-separated strings, of the same length).
#   - operation: 'copy' keeps the fields, 'move' removes them (with a schema, from the
#     schema too: the output keeps the input's name, version, doc and parameters, and is not
#     optional).
#   - Schemaless: the key/value must be a map; a missing field gives a None header.
#   - With a schema: the key/value must be a struct and the schema must have every field.
#   - A header of the same name is replaced (Kafka adds a second one).

import re


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


def _list_param(params, name):
    v = params.get(name)
    if v is None:
        items = []
    elif _is_list(v):
        items = [str(e) for e in v]
    else:
        s = str(v).strip()
        items = [] if s == "" else re.split(r"\s*,\s*", s)
    if not items:
        raise ValueError(name + " must not be empty")
    return items


def _config(params):
    _check_replace_null(params)
    fields = _list_param(params, "fields")
    headers = _list_param(params, "headers")
    if len(fields) != len(headers):
        raise ValueError("'fields' config must have the same number of elements as 'headers' config.")
    operation = str(params.get("operation"))
    if operation not in ("move", "copy"):
        raise ValueError("operation must be 'move' or 'copy', found '%s'" % operation)
    return fields, headers, operation, _is_key_target(params)


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
    fields, headers, operation, is_key = _config_for(ctx.params)
    value = msg.key if is_key else msg.value
    schema = msg.keySchema if is_key else msg.valueSchema
    if schema is None:
        if not _is_map(value):
            raise ValueError("Only Map objects supported in absence of schema for [header %s], found: %s"
                             % (operation, _type_name(value)))
        # Headers first: a view of a nested map is empty once its field is deleted.
        for i, f in enumerate(fields):
            msg.headers.set(headers[i], value[f] if f in value else None)
        if operation == "move":
            for f in fields:
                if f in value:
                    del value[f]
        return msg
    if schema["type"] != "struct" or not _is_map(value):
        raise ValueError("Only Struct objects supported for [header %s], found: %s" % (operation, _type_name(value)))
    names = [f["name"] for f in (schema.get("fields") or [])]
    for f in fields:
        if f not in names:
            raise ValueError("field '%s' is not in the schema" % f)
    # Headers first: a view of a nested map is empty once its field is deleted.
    for i, f in enumerate(fields):
        msg.headers.set(headers[i], value[f] if f in value else None)
    if operation == "move":
        moved = {"type": "struct", "optional": False}
        for k in ("name", "version", "doc", "parameters"):
            if schema.get(k) is not None:
                moved[k] = schema[k]
        moved["fields"] = [{"name": f["name"], "schema": f["schema"]} for f in (schema.get("fields") or [])
                           if f["name"] not in fields]
        for f in fields:
            if f in value:
                del value[f]
        if is_key:
            msg.keySchema = moved
        else:
            msg.valueSchema = moved
    return msg
