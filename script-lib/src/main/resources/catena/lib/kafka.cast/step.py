# kafka.cast: Kafka Connect's Cast ($Key / $Value) as a script.
# Casts top-level fields, or the whole key/value, to int8, int16, int32, int64, float32,
# float64, boolean or string, with Java's conversions:
#   - numbers narrow as Java casts them (an integer wraps: 300 -> int8 44; a float is
#     truncated and saturated to int, then wrapped); a Decimal truncates;
#   - to boolean: a number is true when its integer part is not 0, a string when it is
#     'true' in any case;
#   - from a string: int types parse strictly (digits with an optional sign, in range),
#     float types parse Java's decimal syntax (NaN, Infinity, exponent, f/d suffix);
#   - to string: integers in decimal, float64/float32 as Java's Double/Float.toString,
#     a Decimal with its scale, Date/Time/Timestamp as ISO 8601 (UTC), bytes in base64;
#   - Date/Time/Timestamp cast to a number become days / milliseconds of day / epoch ms.
# 'spec' is a list or a comma-separated string of 'field:type' pairs, or one type for the
# whole key/value. A None key/value passes unchanged; a field cast on a missing field of a
# schemaless map adds it as None (as Kafka does). With a schema, cast fields get a new
# unnamed schema of the target type (optional if the field was), other fields keep theirs.

import math
import re
import struct

PURPOSE = "cast types"
TYPES = ["int8", "int16", "int32", "int64", "float32", "float64", "boolean", "string", "bytes", "array", "map", "struct"]
INPUT = {"int8", "int16", "int32", "int64", "float32", "float64", "boolean", "string", "bytes"}
OUTPUT = {"int8", "int16", "int32", "int64", "float32", "float64", "boolean", "string"}
DECIMAL = "org.apache.kafka.connect.data.Decimal"
DATE = "org.apache.kafka.connect.data.Date"
TIME = "org.apache.kafka.connect.data.Time"
TIMESTAMP = "org.apache.kafka.connect.data.Timestamp"
DAY_MS = 86400000
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
        return []
    if _is_list(v):
        return [str(e) for e in v]
    s = str(v).strip()
    return [] if s == "" else re.split(r"\s*,\s*", s)


def _java_split(s, sep):
    """Java's String.split: no match gives the whole string; trailing empty strings are removed."""
    if sep not in s:
        return [s]
    parts = s.split(sep)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def _output_type(name):
    t = name.lower()
    if t not in TYPES:
        raise ValueError("Invalid type found in casting spec: " + name)
    if t not in OUTPUT:
        raise ValueError("Cast transformation does not support casting to %s; supported types are"
                         " [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]" % t.upper())
    return t


def _parse_spec(items):
    if not items:
        raise ValueError("Must specify at least one field to cast (spec)")
    casts = {}
    whole = None
    for mapping in items:
        parts = _java_split(mapping, ":")
        if len(parts) > 2 or not parts:
            raise ValueError("Invalid cast mapping: %s (expected 'field:type' or one type)" % mapping)
        if len(parts) == 1:
            whole = _output_type(parts[0].strip())
        else:
            casts[parts[0].strip()] = _output_type(parts[1].strip())
    if whole is not None and len(items) > 1:
        raise ValueError("Cast transformations that specify a type to cast the entire value to may only specify a"
                         " single cast in their spec")
    return casts, whole


# ---- Java number semantics ----------------------------------------------------------------

def _wrap(n, bits):
    n &= (1 << bits) - 1
    return n - (1 << bits) if n >= 1 << (bits - 1) else n


def _saturate(d, bits):
    """(int) / (long) of a double: truncated, saturated, NaN -> 0."""
    if math.isnan(d):
        return 0
    hi = (1 << (bits - 1)) - 1
    lo = -(1 << (bits - 1))
    if d >= hi:
        return hi
    if d <= lo:
        return lo
    return int(d)


def _integral(v, kind, bits):
    """Number.byteValue() .. longValue() for a value of a kind: integral (Byte..Long), float
    (Float/Double: via (int) or (long)), decimal (BigDecimal: truncated, then wrapped)."""
    if kind == "integral":
        n = int(v)
    elif kind == "float":
        n = _saturate(float(v), 64 if bits == 64 else 32)
    else:
        n = int(v) if math.isfinite(v) else 0
    return _wrap(n, bits)


def _out_of_range(value):
    return ValueError("Value (%s) was out of range for requested data type" % value)


def _parse_java_integer(s, bits):
    if not re.fullmatch(r"[+-]?[0-9]+", s):
        raise _out_of_range(s)
    n = int(s)
    if n != _wrap(n, bits):
        raise _out_of_range(s)
    return n


def _parse_java_float(s):
    """Float.parseFloat / Double.parseDouble: surrounding whitespace and control characters are
    ignored; NaN, Infinity, decimal digits with an exponent and an f/F/d/D suffix."""
    t = re.sub(r"^[\x00-\x20]+|[\x00-\x20]+$", "", s)
    m = re.fullmatch(r"([+-]?)(NaN|Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)([fFdD]?)", t)
    if m is None or (m.group(3) and m.group(2) in ("NaN", "Infinity")):
        raise _out_of_range(s)
    body = m.group(2)
    d = math.nan if body == "NaN" else math.inf if body == "Infinity" else float(body)
    return -d if m.group(1) == "-" else d


def _fround(d):
    """(float) of a double."""
    try:
        return struct.unpack("f", struct.pack("f", d))[0]
    except OverflowError:
        return math.copysign(math.inf, d)


def _shortest(d, is_float):
    """(digits, exponent) of the shortest decimal that reads back as d (as a float32 if is_float)."""
    for p in range(1, 18):
        s = "%.*e" % (p - 1, d)
        back = float(s)
        if (_fround(back) if is_float else back) == d:
            break
    mant, exp = s.split("e")
    return mant.replace(".", "").rstrip("0") or "0", int(exp)


def _java_float_string(d, is_float):
    """Java's Double.toString / Float.toString: the shortest digits that identify the value,
    plain from 1e-3 to 1e7, else computerized scientific notation (1.0E7)."""
    if math.isnan(d):
        return "NaN"
    if math.isinf(d):
        return "Infinity" if d > 0 else "-Infinity"
    if d == 0:
        return "-0.0" if math.copysign(1.0, d) < 0 else "0.0"
    sign = "-" if d < 0 else ""
    a = abs(d)
    digits, exp = _shortest(a, is_float)
    if 1e-3 <= a < 1e7:
        if exp >= 0:
            int_part = digits[:exp + 1] if len(digits) > exp + 1 else digits.ljust(exp + 1, "0")
            frac = digits[exp + 1:] if len(digits) > exp + 1 else "0"
            return sign + int_part + "." + frac
        return sign + "0." + "0" * (-exp - 1) + digits
    return sign + digits[0] + "." + (digits[1:] or "0") + "E" + str(exp)


def _decimal_string(d, scale):
    """BigDecimal.toString of a Decimal read as a float, at the schema's scale."""
    if not math.isfinite(d):
        return str(d)
    if scale >= 0:
        unscaled = int(("%.*f" % (scale, d)).replace(".", ""))
    else:
        unscaled = int(round(d / 10 ** -scale))
    neg = unscaled < 0
    digits = str(abs(unscaled))
    adjusted = len(digits) - 1 - scale
    sign = "-" if neg else ""
    if scale >= 0 and adjusted >= -6:
        if scale == 0:
            return sign + digits
        padded = digits.rjust(scale + 1, "0")
        return sign + padded[:-scale] + "." + padded[-scale:]
    mant = digits[0] + "." + digits[1:] if len(digits) > 1 else digits
    return sign + mant + "E" + ("+" if adjusted >= 0 else "") + str(adjusted)


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _base64(data):
    b = [int(x) & 0xFF for x in data]
    out = []
    for i in range(0, len(b), 3):
        n = (b[i] << 16) | ((b[i + 1] if i + 1 < len(b) else 0) << 8) | (b[i + 2] if i + 2 < len(b) else 0)
        out.append(B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
                   + (B64[(n >> 6) & 63] if i + 1 < len(b) else "=") + (B64[n & 63] if i + 2 < len(b) else "="))
    return "".join(out)


def _civil(days):
    """(year, month, day) of a day count since 1970-01-01 (proleptic Gregorian)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def _date_string(ms):
    """Connect's Values.dateFormatFor: a time before 1970-01-02 as a time of day, a midnight as
    a date, anything else as a timestamp; in UTC."""
    days, rest = divmod(ms, DAY_MS)
    y, mo, d = _civil(days)
    time = "%02d:%02d:%02d.%03dZ" % (rest // 3600000, rest // 60000 % 60, rest // 1000 % 60, rest % 1000)
    date = "%04d-%02d-%02d" % (y, mo, d)
    if ms < DAY_MS:
        return time
    return date if ms % DAY_MS == 0 else date + "T" + time


# ---- the cast ------------------------------------------------------------------------------

def _infer_type(v):
    if isinstance(v, str):
        return "string"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "int64"
    if isinstance(v, float):
        return "float64"
    return "map" if _is_map(v) else "array"


def _kind_of(type_, schema_name):
    if schema_name == DECIMAL:
        return "decimal"
    if type_ in ("float32", "float64"):
        return "float"
    return "integral" if type_ in BITS else type_


def _cast_value(schema, value, target):
    if value is None:
        return None
    type_ = schema["type"] if schema is not None else _infer_type(value)
    if type_ not in INPUT:
        raise ValueError("Cast transformation does not support casting from %s; supported types are"
                         " [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES]" % type_.upper())
    name = schema.get("name") if schema is not None else None
    kind = _kind_of(type_, name)
    v = value
    if name in (DATE, TIME, TIMESTAMP):
        if target == "string":
            return _date_string(int(v))
        if name == DATE:
            v = int(v) // DAY_MS
        kind = "integral"
    if target in BITS:
        if kind == "boolean":
            return 1 if v else 0
        if kind == "string":
            return _parse_java_integer(v, BITS[target])
        if kind == "bytes":
            raise ValueError("Unexpected type in Cast transformation: bytes to " + target)
        return _integral(v, kind, BITS[target])
    if target in ("float32", "float64"):
        if kind == "boolean":
            d = 1.0 if v else 0.0
        elif kind == "string":
            d = _parse_java_float(v)
        elif kind == "bytes":
            raise ValueError("Unexpected type in Cast transformation: bytes to " + target)
        else:
            d = float(v)
        return _fround(d) if target == "float32" else d
    if target == "boolean":
        if kind == "boolean":
            return v
        if kind == "string":
            return v.lower() == "true"
        if kind == "bytes":
            raise ValueError("Unexpected type in Cast transformation: bytes to boolean")
        return _integral(v, kind, 64) != 0
    if kind == "string":
        return v
    if kind == "boolean":
        return "true" if v else "false"
    if kind == "bytes":
        return _base64(v)
    if kind == "integral":
        return str(int(v))
    if kind == "decimal":
        return _decimal_string(float(v), int(schema["parameters"]["scale"]))
    return _java_float_string(float(v), type_ == "float32")


def _cast_schema(schema, casts, whole):
    out = {"type": "struct" if whole is None else whole, "optional": schema.get("optional") is True}
    for k in ("name", "version", "doc", "parameters"):
        if schema.get(k) is not None:
            out[k] = schema[k]
    if whole is None:
        fields = []
        for f in schema.get("fields") or []:
            if f["name"] in casts:
                fields.append({"name": f["name"], "schema": {"type": casts[f["name"]],
                                                             "optional": f["schema"].get("optional") is True}})
            else:
                fields.append({"name": f["name"], "schema": f["schema"]})
        out["fields"] = fields
    return out


def _config(params):
    _check_replace_null(params)
    casts, whole = _parse_spec(_list_param(params, "spec"))
    return casts, whole, _is_key_target(params)


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
    casts, whole, is_key = _config_for(ctx.params)
    value = msg.key if is_key else msg.value
    schema = msg.keySchema if is_key else msg.valueSchema
    if value is None:
        return msg
    result = value
    result_schema = None
    if schema is None:
        if whole is not None:
            result = _cast_value(None, value, whole)
        else:
            if not _is_map(value):
                raise ValueError("Only Map objects supported in absence of schema for [%s], found: %s"
                                 % (PURPOSE, _type_name(value)))
            for field, type_ in casts.items():
                value[field] = _cast_value(None, value[field] if field in value else None, type_)
    else:
        if whole is None and (schema["type"] != "struct" or not _is_map(value)):
            raise ValueError("Only Struct objects supported for [%s], found: %s" % (PURPOSE, _type_name(value)))
        result_schema = _cast_schema(schema, casts, whole)
        if whole is not None:
            result = _cast_value(schema, value, whole)
        else:
            for f in schema.get("fields") or []:
                if f["name"] in casts:
                    value[f["name"]] = _cast_value(f["schema"], value[f["name"]] if f["name"] in value else None,
                                                   casts[f["name"]])
    if is_key:
        msg.key = result
        if result_schema is not None:
            msg.keySchema = result_schema
    else:
        msg.value = result
        if result_schema is not None:
            msg.valueSchema = result_schema
    return msg
