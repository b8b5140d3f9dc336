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
_regex_cache = {}


def _is_map(v):
    return isinstance(v, dict) or (hasattr(v, "keys") and hasattr(v, "__getitem__"))


def _is_list(v):
    return (not isinstance(v, (str, bytes)) and not _is_map(v)
            and hasattr(v, "__len__") and hasattr(v, "__getitem__"))


def _is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _lookup(root, path):
    node = root
    for part in str(path).split("."):
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
    compiled = _regex_cache.get(pattern)
    if compiled is None:
        try:
            compiled = re.compile(pattern)
        except re.error as e:
            raise ValueError("filter: invalid regex for op 'matches': %r (%s)" % (pattern, e))
        _regex_cache[pattern] = compiled
    return compiled


def _holds(op, field, operand):
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
        return any(_deep_equal(field, candidate) for candidate in operand)
    if op == "matches":
        return isinstance(field, str) and _regex(operand).search(field) is not None
    c = _compare(field, operand)
    if c is None:
        return False
    if op == "gt":
        return c > 0
    if op == "gte":
        return c >= 0
    if op == "lt":
        return c < 0
    return c <= 0


def transform(msg, ctx):
    params = ctx.params
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
    if op == "matches":
        if not isinstance(operand, str):
            raise ValueError("filter: op 'matches' needs a regex string 'value', got %r" % (operand,))
        _regex(operand)  # report an invalid pattern even on records without the field
    satisfied = _holds(op, _lookup(msg.value, params.get("field")), operand)
    passed = satisfied if action == "keep" else not satisfied
    return msg if passed else None
