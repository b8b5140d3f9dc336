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


def transform(msg, ctx):
    field = str(ctx.params["field"])
    is_key = _is_key_target(ctx.params)
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
