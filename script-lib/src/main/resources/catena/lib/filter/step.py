# filter: keeps or drops records depending on a condition on one field.
# ops: eq, ne, gt, gte, lt, lte, exists, missing, matches, in.
# - A field is missing when it is absent, null, reached through a non-map, or
#   when the record value is not a map (tombstones included).
# - A missing field makes every op false except 'ne' and 'missing'.
# - eq / ne / in compare deeply; numbers compare by value (1 == 1.0) and never
#   equal booleans or strings.
# - gt / gte / lt / lte compare two numbers, or two strings by code point;
#   any other pair is false.
# - matches: regex SEARCH (like Python re.search / JS RegExp.test): the pattern
#   may match anywhere; anchor it with ^...$ for a full match. Only string
#   fields can match. Use the regex syntax common to JS and Python.
# - action keep: pass records that satisfy the condition; drop: drop them.

import math
import re

_OPS = ("eq", "ne", "gt", "gte", "lt", "lte", "exists", "missing", "matches", "in")
_MISSING = object()


def _is_map(v):
    return isinstance(v, dict) or (hasattr(v, "keys") and hasattr(v, "__getitem__"))


def _is_list(v):
    return (not isinstance(v, (str, bytes)) and not _is_map(v)
            and hasattr(v, "__len__") and hasattr(v, "__getitem__"))


def _is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _lookup(root, parts):
    node = root
    for part in parts:
        if not _is_map(node) or part not in node:
            return _MISSING
        node = node[part]
    return _MISSING if node is None else node


def _deep_equal(a, b):
    if _is_number(a) and _is_number(b):
        return a == b
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    if a is None or b is None:
        return a is None and b is None
    if _is_map(a) and _is_map(b):
        ka = list(a.keys())
        if len(ka) != len(list(b.keys())):
            return False
        return all(k in b and _deep_equal(a[k], b[k]) for k in ka)
    if _is_list(a) and _is_list(b):
        if len(a) != len(b):
            return False
        return all(_deep_equal(a[i], b[i]) for i in range(len(a)))
    return False


def _compare(a, b):
    """-1 / 0 / 1, or None when the two values are not comparable."""
    if _is_number(a) and _is_number(b):
        if (isinstance(a, float) and math.isnan(a)) or (isinstance(b, float) and math.isnan(b)):
            return None
        return -1 if a < b else (1 if a > b else 0)
    if isinstance(a, str) and isinstance(b, str):
        return -1 if a < b else (1 if a > b else 0)
    return None


def _regex(pattern):
    try:
        return re.compile(pattern)
    except re.error as e:
        raise ValueError("filter: invalid regex for op 'matches': %r (%s)" % (pattern, e))


def _holds(c, field):
    """c: the config (op, operand, candidates for 'in', regex for 'matches')."""
    op = c["op"]
    operand = c["operand"]
    missing = field is _MISSING
    if op == "exists":
        return not missing
    if op == "missing":
        return missing
    if op == "ne":
        return missing or not _deep_equal(field, operand)
    if missing:
        return False
    if op == "eq":
        return _deep_equal(field, operand)
    if op == "in":
        return any(_deep_equal(field, candidate) for candidate in c["candidates"])
    if op == "matches":
        return isinstance(field, str) and c["regex"].search(field) is not None
    order = _compare(field, operand)
    if order is None:
        return False
    if op == "gt":
        return order > 0
    if op == "gte":
        return order >= 0
    if op == "lt":
        return order < 0
    return order <= 0


def _config(params):
    op = params.get("op")
    if op not in _OPS:
        raise ValueError("filter: unknown op %r; valid ops are: %s" % (op, ", ".join(_OPS)))
    action = params.get("action", "keep")
    if action is None:
        action = "keep"
    if action not in ("keep", "drop"):
        raise ValueError("filter: unknown action %r; valid actions are: keep, drop" % (action,))
    has_operand = "value" in params
    operand = params["value"] if has_operand else None
    if op not in ("exists", "missing") and not has_operand:
        raise ValueError("filter: op '%s' needs a 'value'" % op)
    if op == "in" and not _is_list(operand):
        raise ValueError("filter: op 'in' needs a list 'value', got %r" % (operand,))
    if op == "matches" and not isinstance(operand, str):
        raise ValueError("filter: op 'matches' needs a regex string 'value', got %r" % (operand,))
    return {
        "op": op,
        "keep": action == "keep",
        "operand": operand,
        "candidates": list(operand) if op == "in" else None,
        # compiled here: an invalid pattern fails even records without the field
        "regex": _regex(operand) if op == "matches" else None,
        "field": str(params.get("field")).split("."),
    }


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
    c = _config_for(ctx.params)
    satisfied = _holds(c, _lookup(msg.value, c["field"]))
    passed = satisfied if c["keep"] else not satisfied
    return msg if passed else None
