# kafka.set-schema-metadata: Kafka Connect's SetSchemaMetadata ($Key / $Value) as a script.
# Sets the name and/or version of the key or value schema; everything else about the
# schema (type, optional, doc, parameters, fields) and the data stay as they are.
#   - At least one of schema.name and schema.version must be set.
#   - A record part without schema and without data (None) passes unchanged; one that has
#     data but no schema is an error. As in Kafka, only struct schemas can be renamed.

import re


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


def _version(raw):
    """schema.version is an int in Kafka: a number, or a string of an integer."""
    if raw is None:
        return None
    s = str(raw).strip()
    if not re.fullmatch(r"[+-]?\d+", s) or not -2147483648 <= int(s) <= 2147483647:
        raise ValueError("schema.version must be an integer, found '%s'" % raw)
    return int(s)


def _config(params):
    _check_replace_null(params)
    name = None if params.get("schema.name") is None else str(params["schema.name"])
    ver = _version(params.get("schema.version"))
    if name is None and ver is None:
        raise ValueError("Neither schema name nor version configured (set schema.name and/or schema.version)")
    return name, ver, _is_key_target(params)


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
    name, ver, is_key = _config_for(ctx.params)
    value = msg.key if is_key else msg.value
    schema = msg.keySchema if is_key else msg.valueSchema
    if schema is None:
        if value is None:
            return msg
        raise ValueError("Schema required for [updating schema metadata]")
    if schema["type"] != "struct":
        # Kafka copies schema.fields(), which a non-struct Connect schema refuses.
        raise ValueError("Cannot list fields on non-struct type " + schema["type"])
    updated = {k: schema[k] for k in schema.keys()}
    if name is not None:
        updated["name"] = name
    if ver is not None:
        updated["version"] = ver
    if is_key:
        msg.keySchema = updated
    else:
        msg.valueSchema = updated
    return msg
