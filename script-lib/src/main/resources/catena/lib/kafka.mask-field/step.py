# kafka.mask-field: Kafka Connect's MaskField ($Key / $Value) as a script.
# Replaces top-level fields by the "empty" value of their type: 0 for numbers, False,
# "" for strings, epoch 0 for Date/Time/Timestamp, [] and {} for lists and maps; None
# stays None. With 'replacement', numbers and strings get that value instead, converted
# to the field's type (numbers parse as a decimal and narrow as in Java).
#   - 'fields' is a list, or a comma-separated string as in Kafka; not empty.
#   - Schemaless: the key/value must be a map; a listed field it lacks is added as None.
#   - With a schema: the key/value must be a struct; the schema is unchanged.
#   - A None key/value, bytes, a struct, and with 'replacement' a boolean, date, list or
#     map cannot be masked: an error, as in Kafka.

import re

PURPOSE = "mask fields"
DECIMAL = "org.apache.kafka.connect.data.Decimal"
LOGICAL_DATES = ("org.apache.kafka.connect.data.Date", "org.apache.kafka.connect.data.Time",
                 "org.apache.kafka.connect.data.Timestamp")
BITS = {"int8": 8, "int16": 16, "int32": 32, "int64": 64}


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
        raise ValueError(name + " must name at least one field")
    return list(dict.fromkeys(items))


def _kafka_string(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _wrap(n, bits):
    n &= (1 << bits) - 1
    return n - (1 << bits) if n >= 1 << (bits - 1) else n


def _decimal_parts(s, replacement):
    """A replacement string as a number, like Connect's Values.convertToLong/Double: a decimal
    (digits, optional point and exponent) parsed exactly."""
    m = re.fullmatch(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?", s.strip())
    if m is None or (m.group(2) == "" and not m.group(3)):
        raise ValueError("Unable to convert %s (String) to a number" % replacement)
    frac = m.group(3) or ""
    return m.group(1) == "-", m.group(2) + frac, int(m.group(4) or 0) - len(frac)


def _replacement_integer(replacement, bits):
    """Integers truncate toward zero and wrap to the type's width."""
    neg, digits, exp = _decimal_parts(replacement, replacement)
    if exp >= 0:
        n = int(digits or "0") * 10 ** exp
    else:
        keep = len(digits) + exp
        n = int(digits[:keep]) if keep > 0 else 0
    return _wrap(-n if neg else n, bits)


def _replacement_double(replacement):
    _decimal_parts(replacement, replacement)
    return float(replacement.strip())


def _fround(d):
    import struct
    try:
        return struct.unpack("f", struct.pack("f", d))[0]
    except OverflowError:
        return float("inf") if d > 0 else float("-inf")


def _cannot_replace(what):
    return ValueError("Cannot mask value of type %s with custom replacement." % what)


def _mask(value, schema, replacement):
    """The mask for a field of a schema (with a schema) or for a value (schemaless)."""
    if value is None:
        return None
    if schema is not None:
        type_ = schema["type"]
        name = schema.get("name")
    else:
        name = None
        if isinstance(value, str):
            type_ = "string"
        elif isinstance(value, bool):
            type_ = "boolean"
        elif isinstance(value, int):
            type_ = "int64"
        elif isinstance(value, float):
            type_ = "float64"
        else:
            type_ = "map" if _is_map(value) else "array"
    if name in LOGICAL_DATES:
        if replacement is not None:
            raise _cannot_replace("java.util.Date")
        return 0
    if name == DECIMAL:
        return 0 if replacement is None else _replacement_double(replacement)
    if type_ in BITS:
        return 0 if replacement is None else _replacement_integer(replacement, BITS[type_])
    if type_ == "float32":
        return 0.0 if replacement is None else _fround(_replacement_double(replacement))
    if type_ == "float64":
        return 0.0 if replacement is None else _replacement_double(replacement)
    if type_ == "string":
        return "" if replacement is None else replacement
    if type_ == "boolean":
        if replacement is not None:
            raise _cannot_replace("Boolean")
        return False
    if type_ == "array":
        if replacement is not None:
            raise _cannot_replace("List")
        return []
    if type_ == "map":
        if replacement is not None:
            raise _cannot_replace("Map")
        return {}
    raise ValueError("Cannot mask value of type: " + type_)


def _config(params):
    _check_replace_null(params)
    fields = _list_param(params, "fields")
    raw = params.get("replacement")
    replacement = None if raw is None else _kafka_string(raw)
    if replacement == "":
        raise ValueError("replacement must not be empty")
    return fields, replacement, _is_key_target(params)


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
    fields, replacement, is_key = _config_for(ctx.params)
    value = msg.key if is_key else msg.value
    schema = msg.keySchema if is_key else msg.valueSchema
    if schema is None:
        if not _is_map(value):
            raise ValueError("Only Map objects supported in absence of schema for [%s], found: %s"
                             % (PURPOSE, _type_name(value)))
        for f in fields:
            value[f] = _mask(value[f] if f in value else None, None, replacement)
        return msg
    if schema["type"] != "struct" or not _is_map(value):
        raise ValueError("Only Struct objects supported for [%s], found: %s" % (PURPOSE, _type_name(value)))
    for f in schema.get("fields") or []:
        if f["name"] in fields:
            value[f["name"]] = _mask(value[f["name"]] if f["name"] in value else None, f["schema"], replacement)
    return msg
