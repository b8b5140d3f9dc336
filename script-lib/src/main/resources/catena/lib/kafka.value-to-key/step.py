# kafka.value-to-key: Kafka Connect's ValueToKey as a script.
# Replaces the key by a map (a struct with a schema) of some fields of the value.
#   - 'fields' is a list, or a comma-separated string as in Kafka; it must not be empty. A
#     repeated name counts once.
#   - Schemaless: the value must be a map (a None value is an error); a missing field
#     gives None. The key loses its schema.
#   - With a schema: the value must be a struct and have every field; the key schema is an
#     unnamed, required struct of those fields with their schemas.

import re

PURPOSE = "copying fields from value to key"


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


def _check_replace_null(params):
    r = params.get("replace.null.with.default")
    if r is not None and r is not True and str(r).lower() != "true":
        raise ValueError("replace.null.with.default=false is not supported: Catena reads struct fields with their"
                         " defaults applied and its schemas carry no default values")


def _list_param(params, name):
    """A Kafka LIST property: a list, or a comma-separated string; not empty. A repeated name
    counts once (as in Kafka 4.3)."""
    v = params.get(name)
    if v is None:
        items = []
    elif _is_list(v):
        items = [str(e) for e in v]
    else:
        s = str(v).strip()
        items = [] if s == "" else re.split(r"\s*,\s*", s)
    if not items:
        raise ValueError(name + " must name at least one field")
    return list(dict.fromkeys(items))


def _config(params):
    _check_replace_null(params)
    return _list_param(params, "fields")


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
    fields = _config_for(ctx.params)
    value = msg.value
    schema = msg.valueSchema
    if schema is None:
        if not _is_map(value):
            raise ValueError("Only Map objects supported in absence of schema for [%s], found: %s"
                             % (PURPOSE, _type_name(value)))
        msg.key = {f: (value[f] if f in value else None) for f in fields}
        msg.keySchema = None
        return msg
    if schema["type"] != "struct" or not _is_map(value):
        raise ValueError("Only Struct objects supported for [%s], found: %s" % (PURPOSE, _type_name(value)))
    by_name = {f["name"]: f["schema"] for f in (schema.get("fields") or [])}
    key_fields = []
    key = {}
    for f in fields:
        if f not in by_name:
            raise ValueError("Field does not exist: " + f)
        key_fields.append({"name": f, "schema": by_name[f]})
        key[f] = value[f] if f in value else None
    msg.key = key
    msg.keySchema = {"type": "struct", "optional": False, "fields": key_fields}
    return msg
