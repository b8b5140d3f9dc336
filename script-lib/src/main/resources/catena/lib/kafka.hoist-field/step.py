# kafka.hoist-field: Kafka Connect's HoistField ($Key / $Value) as a script.
# Wraps the key or value in a map (a struct with a schema) with one field.
#   - Schemaless: {field: value}, whatever the value is (None included).
#   - With a schema: the new schema is an unnamed, required struct with one field that has
#     the old schema.


def _is_key_target(params):
    t = params.get("target")
    t = "value" if t is None else str(t)
    if t not in ("key", "value"):
        raise ValueError("target must be 'key' or 'value', found '%s'" % t)
    return t == "key"


def _config(params):
    return str(params["field"]), _is_key_target(params)


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
    field, is_key = _config_for(ctx.params)
    schema = msg.keySchema if is_key else msg.valueSchema
    wrapped = {field: msg.key if is_key else msg.value}
    if is_key:
        msg.key = wrapped
    else:
        msg.value = wrapped
    if schema is not None:
        hoisted = {"type": "struct", "optional": False, "fields": [{"name": field, "schema": schema}]}
        if is_key:
            msg.keySchema = hoisted
        else:
            msg.valueSchema = hoisted
    return msg
