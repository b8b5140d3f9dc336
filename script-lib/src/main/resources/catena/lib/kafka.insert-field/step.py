# kafka.insert-field: Kafka Connect's InsertField ($Key / $Value) as a script.
# Inserts the record's topic, partition, offset and timestamp and/or one constant string
# into the key or value. Each field name may end with '!' (a required field in the
# output schema) or '?' (optional, the default).
#   - A null key/value passes unchanged.
#   - Schemaless: the key/value must be a map; fields are put (replacing a field of the
#     same name). partition and timestamp are only put when the record has them.
#   - With a schema: the key/value must be a struct; the output schema is the input's
#     fields plus the inserted ones (string, int32, int64, Timestamp, string), with the
#     input's name, version, doc and parameters, and not optional (as Kafka builds it).
#     A field whose name the schema already has is an error.
#   - offset.field needs a record offset (in Kafka: a SinkRecord).

PURPOSE = "field insertion"
TIMESTAMP = "org.apache.kafka.connect.data.Timestamp"


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


def _spec(raw):
    """Kafka's "Suffix with ! to make this a required field, or ? to keep it optional"."""
    if raw is None:
        return None
    s = str(raw)
    if s.endswith("?"):
        return (s[:-1], True)
    if s.endswith("!"):
        return (s[:-1], False)
    return (s, True)


def _kafka_string(v):
    """A scalar parameter as the text a Kafka property holds (True -> "true", 7.0 -> "7")."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _check_replace_null(params):
    r = params.get("replace.null.with.default")
    if r is not None and r is not True and str(r).lower() != "true":
        raise ValueError("replace.null.with.default=false is not supported: Catena reads struct fields with their"
                         " defaults applied and its schemas carry no default values")


def _is_key_target(params):
    t = params.get("target")
    t = "value" if t is None else str(t)
    if t not in ("key", "value"):
        raise ValueError("target must be 'key' or 'value', found '%s'" % t)
    return t == "key"


def _basics(schema, type_):
    """Name, version, doc and parameters of a schema descriptor (SchemaUtil.copySchemaBasics)."""
    out = {"type": type_, "optional": False}
    for k in ("name", "version", "doc", "parameters"):
        if schema.get(k) is not None:
            out[k] = schema[k]
    return out


def _config(params):
    _check_replace_null(params)
    sv = params.get("static.value")
    c = {
        "topic": _spec(params.get("topic.field")),
        "partition": _spec(params.get("partition.field")),
        "offset": _spec(params.get("offset.field")),
        "timestamp": _spec(params.get("timestamp.field")),
        "static": _spec(params.get("static.field")),
        "static_value": None if sv is None else _kafka_string(sv),
    }
    if not any(c[k] for k in ("topic", "partition", "offset", "timestamp", "static")):
        raise ValueError("No field insertion configured: set at least one of topic.field, partition.field,"
                         " offset.field, timestamp.field, static.field")
    if c["static"] and c["static_value"] is None:
        raise ValueError("No value specified for static field: %s (set static.value)" % c["static"][0])
    c["is_key"] = _is_key_target(params)
    return c


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


def _insert(target, c, msg, with_schema):
    """with_schema: a field of the output schema is always in the map (None when the record lacks
    the partition or timestamp): a field missing from the map would be dropped from the schema."""
    if c["topic"]:
        target[c["topic"][0]] = msg.topic
    if c["partition"] and msg.partition is not None:
        target[c["partition"][0]] = msg.partition
    elif c["partition"] and with_schema:
        target[c["partition"][0]] = None
    if c["offset"]:
        if msg.offset is None:
            raise ValueError("offset.field needs a record offset; the record has none (Kafka: only SinkRecord"
                             " supported for [%s])" % PURPOSE)
        target[c["offset"][0]] = msg.offset
    if c["timestamp"] and msg.timestamp is not None:
        target[c["timestamp"][0]] = msg.timestamp
    elif c["timestamp"] and with_schema:
        target[c["timestamp"][0]] = None
    if c["static"]:
        target[c["static"][0]] = c["static_value"]


def _updated_schema(schema, c):
    out = _basics(schema, "struct")
    fields = [{"name": f["name"], "schema": f["schema"]} for f in (schema.get("fields") or [])]

    def add(s, type_, extra=None):
        if not s:
            return
        if any(f["name"] == s[0] for f in fields):
            raise ValueError("Cannot create field because of field name duplication " + s[0])
        fs = {"type": type_, "optional": s[1]}
        fs.update(extra or {})
        fields.append({"name": s[0], "schema": fs})

    add(c["topic"], "string")
    add(c["partition"], "int32")
    add(c["offset"], "int64")
    add(c["timestamp"], "int64", {"name": TIMESTAMP, "version": 1})
    add(c["static"], "string")
    out["fields"] = fields
    return out


def transform(msg, ctx):
    c = _config_for(ctx.params)
    is_key = c["is_key"]
    value = msg.key if is_key else msg.value
    schema = msg.keySchema if is_key else msg.valueSchema
    if value is None:
        return msg
    if schema is None:
        if not _is_map(value):
            raise ValueError("Only Map objects supported in absence of schema for [%s], found: %s"
                             % (PURPOSE, _type_name(value)))
        _insert(value, c, msg, False)
        return msg
    if schema["type"] != "struct" or not _is_map(value):
        raise ValueError("Only Struct objects supported for [%s], found: %s" % (PURPOSE, schema["type"]))
    new_schema = _updated_schema(schema, c)
    _insert(value, c, msg, True)
    if is_key:
        msg.keySchema = new_schema
    else:
        msg.valueSchema = new_schema
    return msg
