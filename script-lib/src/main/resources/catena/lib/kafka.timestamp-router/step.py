# kafka.timestamp-router: Kafka Connect's TimestampRouter as a script.
# Sets the topic from topic.format, replacing every ${topic} by the record's topic and then
# every ${timestamp} by its timestamp formatted with timestamp.format (a SimpleDateFormat
# pattern, in UTC). A record without a timestamp is an error.

# ---- java.text.SimpleDateFormat in UTC, English names -------------------------------------
# Pattern letters G y M L d H k K h m s S E u a D F z Z X and quoted text ('' is a quote).
# Formatting is exact for years 1..9999. Not supported: week letters w, W, Y (an error);
# dates before the Gregorian reform (1582-10-15) use the proleptic Gregorian calendar.

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


def _config(params):
    topic_format = params.get("topic.format")
    topic_format = "${topic}-${timestamp}" if topic_format is None else str(topic_format)
    pattern = params.get("timestamp.format")
    pattern = "yyyyMMdd" if pattern is None else str(pattern)
    return topic_format, _compile_pattern(pattern)


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
    topic_format, items = _config_for(ctx.params)
    if msg.timestamp is None:
        raise ValueError("Timestamp missing on record: %s" % msg.topic)
    formatted = _format_date(items, int(msg.timestamp))
    msg.topic = topic_format.replace("${topic}", msg.topic).replace("${timestamp}", formatted)
    return msg
