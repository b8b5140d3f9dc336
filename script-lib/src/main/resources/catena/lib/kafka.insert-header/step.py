# kafka.insert-header: Kafka Connect's InsertHeader as a script.
# Sets header 'header' to 'value.literal', parsed as Connect's Values.parseString does:
# 'true' / 'false' become booleans, 'null' None, integers and decimals numbers, ISO 8601
# dates (2024-03-05), times (10:20:30.123Z) and timestamps (2024-03-05T10:20:30.123Z) epoch
# milliseconds, [a, b] lists and {k: v} maps of such values (strings in double quotes);
# anything else stays the literal string. A header of that name is replaced (Kafka adds a
# second one).

import re

DAY_MS = 86400000


def _is_map(v):
    return isinstance(v, dict) or (hasattr(v, "keys") and hasattr(v, "__getitem__"))


def _kafka_string(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if _is_map(v) or (hasattr(v, "__len__") and not isinstance(v, str)):
        raise ValueError("value.literal must be a string")
    return str(v)


def _days_from_civil(y, m, d):
    yy = y - 1 if m <= 2 else y
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def _month_day(year, month, day):
    """Milliseconds from January 1st to a month and day, rolling over like a lenient calendar."""
    y = year + (month - 1) // 12
    mo = (month - 1) % 12 + 1
    return (_days_from_civil(y, mo, 1) - _days_from_civil(year, 1, 1) + day - 1) * DAY_MS


def _time(h, mi, s, ms):
    return int(h) * 3600000 + int(mi) * 60000 + int(s) * 1000 + int(ms)


def _temporal(token):
    """ISO 8601 forms Connect recognises, read leniently as Java's SimpleDateFormat does."""
    t = token.replace("\\:", ":")
    m = len(t) == 10 and re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", t)
    if m:
        y = int(m.group(1))
        return _days_from_civil(y, 1, 1) * DAY_MS + _month_day(y, int(m.group(2)), int(m.group(3)))
    m = len(t) == 13 and re.fullmatch(r"([0-9]{2}):([0-9]{2}):([0-9]{2})\.([0-9]{3})Z", t)
    if m:
        return _time(*m.groups())
    m = len(t) == 24 and re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})\.([0-9]{3})Z", t)
    if m:
        y = int(m.group(1))
        return (_days_from_civil(y, 1, 1) * DAY_MS + _month_day(y, int(m.group(2)), int(m.group(3)))
                + _time(*m.groups()[3:]))
    return None


def _number(token):
    """A number as Connect parses it (a BigDecimal): integral values are integers, others floats."""
    m = re.fullmatch(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?", token)
    if m is None or (m.group(2) == "" and not m.group(3)):
        return None
    frac = (m.group(3) or "").rstrip("0")
    exp = int(m.group(4) or 0)
    if len(frac) <= exp:
        n = int((m.group(2) or "0") + frac) * 10 ** (exp - len(frac))
        n = -n if m.group(1) == "-" else n
        if -(1 << 63) <= n < (1 << 63):
            return n
    return float(token)


class _NotLiteral(Exception):
    pass


def _parse_embedded(s):
    """A small parser for embedded values: "strings", numbers, true, false, null, [..], {..}."""
    pos = [0]

    def ws():
        while pos[0] < len(s) and s[pos[0]].isspace():
            pos[0] += 1

    def peek():
        return s[pos[0]] if pos[0] < len(s) else ""

    def value():
        ws()
        c = peek()
        if c == "[":
            pos[0] += 1
            out = []
            ws()
            if peek() == "]":
                pos[0] += 1
                return out
            while True:
                out.append(value())
                ws()
                if peek() == ",":
                    pos[0] += 1
                elif peek() == "]":
                    pos[0] += 1
                    return out
                else:
                    raise _NotLiteral()
        if c == "{":
            pos[0] += 1
            out = {}
            ws()
            if peek() == "}":
                pos[0] += 1
                return out
            while True:
                k = value()
                if k is None:
                    raise _NotLiteral()
                ws()
                if peek() != ":":
                    raise _NotLiteral()
                pos[0] += 1
                key = ("true" if k else "false") if isinstance(k, bool) else str(k)
                out[key] = value()
                ws()
                if peek() == ",":
                    pos[0] += 1
                elif peek() == "}":
                    pos[0] += 1
                    return out
                else:
                    raise _NotLiteral()
        if c == '"':
            pos[0] += 1
            chars = []
            while pos[0] < len(s) and s[pos[0]] != '"':
                if s[pos[0]] == "\\" and pos[0] + 1 < len(s):
                    pos[0] += 1
                chars.append(s[pos[0]])
                pos[0] += 1
            if peek() != '"':
                raise _NotLiteral()
            pos[0] += 1
            text = "".join(chars)
            t = _temporal(text)
            return text if t is None else t
        start = pos[0]
        while pos[0] < len(s) and not re.match(r'[\s,:\[\]{}"]', s[pos[0]]):
            pos[0] += 1
        token = s[start:pos[0]]
        if token in ("true", "false"):
            return token == "true"
        if token == "null":
            return None
        n = _number(token)
        if n is None:
            raise _NotLiteral()
        return n

    v = value()
    ws()
    if pos[0] != len(s):
        raise _NotLiteral()
    return v


def _parse_literal(s):
    if s == "":
        return ""
    t = s.strip()
    if t == "null":
        return None
    if t in ("true", "false"):
        return t == "true"
    if t.startswith("[") or t.startswith("{"):
        try:
            return _parse_embedded(t)
        except _NotLiteral:
            return s
    if t[:1].isdigit() and t[:1] in "0123456789":
        ts = _temporal(t)
        if ts is not None:
            return ts
    if t[:1] in tuple("0123456789+-"):
        n = _number(t)
        if n is not None:
            return n
    return s


def _config(params):
    """The parsed value may be a list or a dict: it is shared by every record, which is safe
    because headers.set copies it into the record and nothing here changes it."""
    header = params.get("header")
    literal = params.get("value.literal")
    if header is None:
        raise ValueError("header must be set")
    if literal is None:
        raise ValueError("value.literal must be set")
    return str(header), _parse_literal(_kafka_string(literal))


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
    header, value = _config_for(ctx.params)
    msg.headers.set(header, value)
    return msg
