# kafka.regex-router: Kafka Connect's RegexRouter as a script.
# When the whole topic matches 'regex', the first match in it is replaced by 'replacement'
# (Java's Matcher.replaceFirst): $1 or ${name} insert a group (a group that did not take
# part inserts nothing; $12 means group 12 only if there are 12 groups), \x is x. A topic
# that does not match is unchanged. The regex runs in Python's engine (Java's (?<name>...)
# and \k<name> are translated): use the syntax Java, JavaScript and Python share.

import re


def _python_regex(source):
    """Java's named groups in Python's syntax."""
    s = re.sub(r"\(\?<([a-zA-Z][a-zA-Z0-9]*)>", r"(?P<\1>", source)
    return re.sub(r"\\k<([a-zA-Z][a-zA-Z0-9]*)>", r"(?P=\1)", s)


def _expand(replacement, m, pattern):
    out = []
    i = 0
    n = len(replacement)
    group_count = pattern.groups
    while i < n:
        c = replacement[i]
        if c == "\\":
            i += 1
            if i >= n:
                raise ValueError("character to be escaped is missing in replacement: " + replacement)
            out.append(replacement[i])
            i += 1
        elif c == "$":
            i += 1
            if i >= n:
                raise ValueError("Illegal group reference: group index is missing in replacement: " + replacement)
            if replacement[i] == "{":
                close = replacement.find("}", i)
                name = "" if close < 0 else replacement[i + 1:close]
                if close < 0 or not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9]*", name):
                    raise ValueError("Illegal named group reference in replacement: " + replacement)
                if name not in pattern.groupindex:
                    raise ValueError("No group with name {%s}" % name)
                group = m.group(name)
                i = close + 1
            else:
                ref = ord(replacement[i]) - 48
                if ref < 0 or ref > 9:
                    raise ValueError("Illegal group reference in replacement: " + replacement)
                i += 1
                while i < n:
                    d = ord(replacement[i]) - 48
                    if d < 0 or d > 9 or ref * 10 + d > group_count:
                        break
                    ref = ref * 10 + d
                    i += 1
                if ref > group_count:
                    raise ValueError("No group %d" % ref)
                group = m.group(ref)
            if group is not None:
                out.append(group)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _config(params):
    source = str(params["regex"])
    replacement = str(params["replacement"])
    try:
        pattern = re.compile(_python_regex(source))
    except re.error as e:
        raise ValueError("regex is not a valid regular expression: %s" % e)
    return pattern, replacement


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
    pattern, replacement = _config_for(ctx.params)
    topic = msg.topic
    if topic is None or pattern.fullmatch(topic) is None:
        return msg
    m = pattern.search(topic)
    msg.topic = topic[:m.start()] + _expand(replacement, m, pattern) + topic[m.end():]
    return msg
