# kafka.replace-field: Kafka Connect's ReplaceField ($Key / $Value) as a script.
# Keeps, drops and renames top-level fields of the key or value.
#   - exclude, include: lists (or comma-separated strings) of field names; a field is kept
#     when it is not excluded and include is empty or names it (exclude wins).
#   - renames: 'old:new' pairs (a list, or a comma-separated string); a pair that does not
#     split into exactly two parts at ':' is an error.
#   - A None key/value passes unchanged.
#   - Schemaless: a new map of the kept fields under their new names, in input order.
#   - With a schema: the kept fields under their new names, with the input's name, version,
#     doc and parameters; not optional. As in Kafka, an output field takes the value of the
#     input field that is renamed to it, else of the field of its own name.

import re

PURPOSE = "field replacement"


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
    """A Kafka LIST property: a list, or a comma-separated string."""
    v = params.get(name)
    if v is None:
        items = []
    elif _is_list(v):
        items = [str(e) for e in v]
    else:
        s = str(v).strip()
        items = [] if s == "" else re.split(r"\s*,\s*", s)
    return items


def _java_split(s, sep):
    """Java's String.split(":"): trailing empty strings are removed."""
    parts = s.split(sep)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def _rename_map(items):
    m = {}
    for mapping in items:
        parts = _java_split(mapping, ":")
        if len(parts) != 2:
            raise ValueError("Invalid rename mapping: %s (renames are 'old:new' pairs)" % mapping)
        m[parts[0]] = parts[1]
    return m


def _basics(schema, type_):
    out = {"type": type_, "optional": False}
    for k in ("name", "version", "doc", "parameters"):
        if schema.get(k) is not None:
            out[k] = schema[k]
    return out


def _config(params):
    _check_replace_null(params)
    exclude = set(_list_param(params, "exclude"))
    include = set(_list_param(params, "include"))
    renames = _rename_map(_list_param(params, "renames"))
    reverse = {to: frm for frm, to in renames.items()}

    def keep(name):
        return name not in exclude and (not include or name in include)

    return keep, renames, reverse, _is_key_target(params)


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
    keep, renames, reverse, is_key = _config_for(ctx.params)
    value = msg.key if is_key else msg.value
    schema = msg.keySchema if is_key else msg.valueSchema
    if value is None:
        return msg
    out = {}
    out_schema = None
    if schema is None:
        if not _is_map(value):
            raise ValueError("Only Map objects supported in absence of schema for [%s], found: %s"
                             % (PURPOSE, _type_name(value)))
        for name in list(value.keys()):
            if keep(name):
                out[renames.get(name, name)] = value[name]
    else:
        if schema["type"] != "struct" or not _is_map(value):
            raise ValueError("Only Struct objects supported for [%s], found: %s" % (PURPOSE, _type_name(value)))
        out_schema = _basics(schema, "struct")
        fields = []
        for f in schema.get("fields") or []:
            if not keep(f["name"]):
                continue
            name = renames.get(f["name"], f["name"])
            if any(g["name"] == name for g in fields):
                raise ValueError("Cannot create field because of field name duplication " + name)
            fields.append({"name": name, "schema": f["schema"]})
        out_schema["fields"] = fields
        for f in fields:
            frm = reverse.get(f["name"], f["name"])
            out[f["name"]] = value[frm] if frm in value else None
    if is_key:
        msg.key = out
        if out_schema is not None:
            msg.keySchema = out_schema
    else:
        msg.value = out
        if out_schema is not None:
            msg.valueSchema = out_schema
    return msg
