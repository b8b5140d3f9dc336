# kafka.timestamp-converter: Kafka Connect's TimestampConverter ($Key / $Value) as a script.
# Converts a timestamp field, or the whole key/value, between a string (parsed and
# formatted with a SimpleDateFormat pattern in UTC), a unix epoch number (with
# unix.precision), and Connect's Date, Time and Timestamp (epoch milliseconds in Catena).
#   - target.type: string, unix, Date, Time or Timestamp (as written). 'format' is required
#     for string.
#   - The input's kind comes from its schema (Timestamp/Date/Time names, a string, an int64)
#     or, without a schema, from the value (a string or an integer; anything else is an
#     error). Date keeps the day (midnight UTC), Time the time of day (on 1970-01-01).
#   - unix.precision: seconds, milliseconds (default), microseconds or nanoseconds, for unix
#     input and output; seconds truncate toward zero.
#   - Schemaless: a missing field is added as None. With a schema: the field (or the whole
#     schema) gets the target's schema, optional as the input was.
#   - 'yy' parses two-digit years into the 100 years that start 80 years before now (ctx.now()),
#     as Java does.

# ---- java.text.SimpleDateFormat in UTC, English names -------------------------------------
# Pattern letters G y M L d H k K h m s S E u a D F z Z X and quoted text ('' is a quote).
# Formatting is exact for years 1..9999. Parsing is lenient like Java's: numbers may have
# more or fewer digits (exactly 'count' when the next pattern item is also a field),
# out-of-range values roll over (month 13 is January of the next year), text after the
# pattern is ignored. Not supported: week letters w, W, Y (an error); dates before the
# Gregorian reform (1582-10-15) use the proleptic Gregorian calendar.

import re

SDF_LETTERS = "GyMLdHkKhmsSEuaDFzZXwWY"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAY_MS = 86400000


def _compile_pattern(pattern):
    """A list of ("text", str) and ("field", letter, count) items."""
    items = []

    def text(t):
        if items and items[-1][0] == "text":
            items[-1] = ("text", items[-1][1] + t)
        else:
            items.append(("text", t))

    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "'":
            if i + 1 < n and pattern[i + 1] == "'":
                text("'")
                i += 2
                continue
            j = i + 1
            quoted = ""
            while True:
                if j >= n:
                    raise ValueError("Unterminated quote in date format pattern: " + pattern)
                if pattern[j] == "'":
                    if j + 1 < n and pattern[j + 1] == "'":
                        quoted += "'"
                        j += 2
                        continue
                    break
                quoted += pattern[j]
                j += 1
            text(quoted)
            i = j + 1
        elif ("a" <= c <= "z") or ("A" <= c <= "Z"):
            if c not in SDF_LETTERS:
                raise ValueError("Illegal pattern character '%s' in date format pattern: %s" % (c, pattern))
            if c in "wWY":
                raise ValueError("Pattern letter '%s' (week based) is not supported by Catena: %s" % (c, pattern))
            j = i
            while j < n and pattern[j] == c:
                j += 1
            items.append(("field", c, j - i))
            i = j
        else:
            text(c)
            i += 1
    return items


def _days_from_civil(y, m, d):
    """Days since 1970-01-01 of a proleptic Gregorian date (month 1..12)."""
    yy = y - 1 if m <= 2 else y
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(days):
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (1 if m <= 2 else 0), m, d


def _zero_pad(n, width):
    s = str(abs(n)).rjust(width, "0")
    return "-" + s if n < 0 else s


def _format_date(items, millis):
    days, ms = divmod(millis, DAY_MS)
    year, month, day = _civil_from_days(days)
    hour = ms // 3600000
    dow = (days + 3) % 7  # 0 = Monday; 1970-01-01 was a Thursday
    day_of_year = days - _days_from_civil(year, 1, 1) + 1
    out = []
    for it in items:
        if it[0] == "text":
            out.append(it[1])
            continue
        c, n = it[1], it[2]
        if c == "G":
            out.append("AD" if year > 0 else "BC")
        elif c == "y":
            out.append(_zero_pad(year % 100, 2) if n == 2 else _zero_pad(year, n))
        elif c in "ML":
            out.append(MONTHS[month - 1] if n >= 4 else MONTHS[month - 1][:3] if n == 3 else _zero_pad(month, n))
        elif c == "d":
            out.append(_zero_pad(day, n))
        elif c == "H":
            out.append(_zero_pad(hour, n))
        elif c == "k":
            out.append(_zero_pad(24 if hour == 0 else hour, n))
        elif c == "K":
            out.append(_zero_pad(hour % 12, n))
        elif c == "h":
            out.append(_zero_pad(12 if hour % 12 == 0 else hour % 12, n))
        elif c == "m":
            out.append(_zero_pad(ms // 60000 % 60, n))
        elif c == "s":
            out.append(_zero_pad(ms // 1000 % 60, n))
        elif c == "S":
            out.append(_zero_pad(ms % 1000, n))
        elif c == "E":
            out.append(DAYS[dow] if n >= 4 else DAYS[dow][:3])
        elif c == "u":
            out.append(_zero_pad(dow + 1, n))
        elif c == "a":
            out.append("AM" if hour < 12 else "PM")
        elif c == "D":
            out.append(_zero_pad(day_of_year, n))
        elif c == "F":
            out.append(_zero_pad((day - 1) // 7 + 1, n))
        elif c == "z":
            out.append("Coordinated Universal Time" if n >= 4 else "UTC")
        elif c == "Z":
            out.append("+0000")
        else:  # X: ISO 8601 zone, Z for UTC
            out.append("Z")
    return "".join(out)


def _match_name(text, pos, names):
    best = None
    for i, name in enumerate(names):
        for candidate in (name, name[:3]):
            if text[pos:pos + len(candidate)].lower() == candidate.lower() and (best is None or len(candidate) > best[1]):
                best = (i, len(candidate))
    return best


def _parse_zone(text, pos):
    rest = text[pos:]
    m = re.match(r"(?:GMT|UTC)?([+-])([0-9]{2}):?([0-9]{2})?", rest)
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return (-1 if m.group(1) == "-" else 1) * minutes * 60000, len(m.group(0))
    m = re.match(r"(Z|UTC|GMT|Coordinated Universal Time)", rest)
    if m:
        return 0, len(m.group(0))
    return None


def _parse_date(items, text, two_digit_year_start):
    """Parses text with a compiled pattern; None when it does not match (Java's ParseException).
    two_digit_year_start: the year from which 'yy' years count (Java: 80 years before now)."""
    f = {"year": 1970, "month": 1, "day": 1, "hour": 0, "minute": 0, "second": 0, "millis": 0, "offset": 0,
         "pm": None, "h12": None, "day_of_year": None, "bc": False}
    pos = 0
    n_text = len(text)
    for i, it in enumerate(items):
        if it[0] == "text":
            if not text.startswith(it[1], pos):
                return None
            pos += len(it[1])
            continue
        while pos < n_text and text[pos] in " \t":
            pos += 1
        if pos >= n_text:
            return None
        c, count = it[1], it[2]
        if (c in "ML" and count >= 3) or c in "EaG":
            if c in "aG":
                word = text[pos:pos + 2].upper()
                names = ["AM", "PM"] if c == "a" else ["BC", "AD"]
                found = (names.index(word), 2) if word in names else None
            else:
                found = _match_name(text, pos, DAYS if c == "E" else MONTHS)
            if found is None:
                return None
            pos += found[1]
            if c in "ML":
                f["month"] = found[0] + 1
            elif c == "a":
                f["pm"] = found[0] == 1
            elif c == "G":
                f["bc"] = found[0] == 0
            continue
        if c in "zZX":
            zone = _parse_zone(text, pos)
            if zone is None:
                return None
            f["offset"] = zone[0]
            pos += zone[1]
            continue
        abutting = i + 1 < len(items) and items[i + 1][0] == "field"
        end = pos
        if end < n_text and text[end] == "-":
            end += 1
        digits_start = end
        while end < n_text and "0" <= text[end] <= "9" and (not abutting or end - pos < count):
            end += 1
        if end == digits_start:
            return None
        n = int(text[pos:end])
        width = end - pos
        pos = end
        if c == "y":
            if count <= 2 and width == 2:
                n += two_digit_year_start // 100 * 100
                if n < two_digit_year_start:
                    n += 100
            f["year"] = n
        elif c in "ML":
            f["month"] = n
        elif c == "d":
            f["day"] = n
        elif c == "H":
            f["hour"] = n
        elif c == "k":
            f["hour"] = 0 if n == 24 else n
        elif c in "Kh":
            f["h12"] = n % 12
        elif c == "m":
            f["minute"] = n
        elif c == "s":
            f["second"] = n
        elif c == "S":
            f["millis"] = n
        elif c == "D":
            f["day_of_year"] = n
    year = 1 - f["year"] if f["bc"] else f["year"]
    month_index = f["month"] - 1
    y = year + month_index // 12
    m = month_index % 12 + 1
    if f["day_of_year"] is not None:
        days = _days_from_civil(year, 1, 1) + f["day_of_year"] - 1
    else:
        days = _days_from_civil(y, m, 1) + f["day"] - 1
    hour = f["h12"] + (12 if f["pm"] else 0) if f["h12"] is not None else f["hour"]
    return days * DAY_MS + hour * 3600000 + f["minute"] * 60000 + f["second"] * 1000 + f["millis"] - f["offset"]


# ---- the conversion -----------------------------------------------------------------------

PURPOSE = "converting timestamp formats"
TARGETS = ("string", "unix", "Date", "Time", "Timestamp")
PER_MILLI = {"milliseconds": 1, "microseconds": 1000, "nanoseconds": 1000000}
LOGICAL = {
    "Date": "org.apache.kafka.connect.data.Date",
    "Time": "org.apache.kafka.connect.data.Time",
    "Timestamp": "org.apache.kafka.connect.data.Timestamp",
}


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


def _config(params):
    _check_replace_null(params)
    target = str(params.get("target.type"))
    if target not in TARGETS:
        raise ValueError("target.type must be one of string, unix, Date, Time, Timestamp; found '%s'" % target)
    precision = params.get("unix.precision")
    precision = "milliseconds" if precision is None else str(precision)
    if precision not in ("seconds", "milliseconds", "microseconds", "nanoseconds"):
        raise ValueError("unix.precision must be one of seconds, milliseconds, microseconds, nanoseconds; found '%s'"
                         % precision)
    pattern = params.get("format")
    pattern = "" if pattern is None else str(pattern)
    if target == "string" and pattern.strip() == "":
        raise ValueError("TimestampConverter requires format option to be specified when using string timestamps")
    field = params.get("field")
    return {"target": target, "precision": precision, "pattern": pattern,
            "format": None if pattern.strip() == "" else _compile_pattern(pattern),
            "field": "" if field is None else str(field), "is_key": _is_key_target(params)}


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


def _two_digit_year_start(ctx):
    """The year from which 'yy' years count: as in Java, 80 years before now. Not cached: it
    moves with the clock."""
    return _civil_from_days(int(ctx.now()) // DAY_MS)[0] - 80


def _type_schema(target, optional):
    if target == "string":
        return {"type": "string", "optional": optional}
    if target == "unix":
        return {"type": "int64", "optional": optional}
    return {"type": "int64" if target == "Timestamp" else "int32", "optional": optional,
            "name": LOGICAL[target], "version": 1}


def _type_from_schema(schema):
    for t in ("Timestamp", "Date", "Time"):
        if schema.get("name") == LOGICAL[t]:
            return t
    if schema["type"] == "string":
        return "string"
    if schema["type"] == "int64":
        return "unix"
    raise ValueError("Schema %s does not correspond to a known timestamp type format" % schema["type"])


def _infer_type(v):
    if isinstance(v, str):
        return "string"
    if isinstance(v, int) and not isinstance(v, bool):
        return "unix"
    raise ValueError("TimestampConverter does not support %s objects as timestamps" % _type_name(v))


def _trunc_div(a, b):
    q = abs(a) // b
    return q if a >= 0 else -q


def _to_millis(c, ctx, value, type_):
    if type_ == "string":
        if not isinstance(value, str):
            raise ValueError("Expected string timestamp to be a String, but found " + _type_name(value))
        if c["format"] is None:
            raise ValueError("A string timestamp needs the format option to be parsed")
        ms = _parse_date(c["format"], value, _two_digit_year_start(ctx))
        if ms is None:
            raise ValueError("Could not parse timestamp: value (%s) does not match pattern (%s)" % (value, c["pattern"]))
        return ms
    if type_ == "unix":
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError("Expected Unix timestamp to be a Long, but found " + _type_name(value))
        if c["precision"] == "seconds":
            return value * 1000
        return _trunc_div(value, PER_MILLI[c["precision"]])
    return int(value)


def _from_millis(c, ms):
    target = c["target"]
    if target == "string":
        return _format_date(c["format"], ms)
    if target == "unix":
        if c["precision"] == "seconds":
            return _trunc_div(ms, 1000)
        return ms * PER_MILLI[c["precision"]]
    if target == "Date":
        return ms // DAY_MS * DAY_MS
    if target == "Time":
        return ms % DAY_MS
    return ms


def _convert(c, ctx, value, type_):
    if value is None:
        return None
    return _from_millis(c, _to_millis(c, ctx, value, _infer_type(value) if type_ is None else type_))


def _set(msg, is_key, value, schema, with_schema):
    if is_key:
        msg.key = value
        if with_schema:
            msg.keySchema = schema
    else:
        msg.value = value
        if with_schema:
            msg.valueSchema = schema


def transform(msg, ctx):
    c = _config_for(ctx.params)
    is_key = c["is_key"]
    value = msg.key if is_key else msg.value
    schema = msg.keySchema if is_key else msg.valueSchema
    if schema is None:
        if value is None or c["field"] == "":
            _set(msg, is_key, _convert(c, ctx, value, None), None, False)
            return msg
        if not _is_map(value):
            raise ValueError("Only Map objects supported in absence of schema for [%s], found: %s"
                             % (PURPOSE, _type_name(value)))
        value[c["field"]] = _convert(c, ctx, value[c["field"]] if c["field"] in value else None, None)
        return msg
    if c["field"] == "":
        type_ = _type_from_schema(schema)
        optional = schema.get("optional") is True
        _set(msg, is_key, _convert(c, ctx, value, type_), _type_schema(c["target"], optional), True)
        return msg
    if value is not None and not _is_map(value):
        raise ValueError("Only Struct objects supported for [%s], found: %s" % (PURPOSE, _type_name(value)))
    if schema["type"] != "struct":
        raise ValueError("Cannot list fields on non-struct type " + schema["type"])
    updated = {"type": "struct", "optional": schema.get("optional") is True}
    for k in ("name", "version", "doc", "parameters"):
        if schema.get(k) is not None:
            updated[k] = schema[k]
    fields = []
    for f in schema.get("fields") or []:
        if f["name"] == c["field"]:
            fields.append({"name": f["name"], "schema": _type_schema(c["target"], f["schema"].get("optional") is True)})
        else:
            fields.append({"name": f["name"], "schema": f["schema"]})
    updated["fields"] = fields
    if value is not None:
        for f in schema.get("fields") or []:
            if f["name"] == c["field"]:
                value[f["name"]] = _convert(c, ctx, value[f["name"]] if f["name"] in value else None,
                                            _type_from_schema(f["schema"]))
    _set(msg, is_key, value, updated, True)
    return msg
