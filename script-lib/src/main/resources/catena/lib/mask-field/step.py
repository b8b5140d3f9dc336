# mask-field: masks the values of fields of the record value.
# With 'replacement' every listed field is replaced by it. Without it the mask
# depends on the type: strings -> "****" (keep-last 0) or '*' for every
# character but the last keep-last ones (same length; a string not longer than
# keep-last is masked entirely), numbers -> 0, booleans -> False, lists -> [],
# maps -> {}, None stays None. Characters are Unicode code points.
# Missing fields and values that are not maps are left unchanged.

import math


def _is_map(v):
    return isinstance(v, dict) or (hasattr(v, "keys") and hasattr(v, "__getitem__"))


def _is_list(v):
    return (not isinstance(v, (str, bytes)) and not _is_map(v)
            and hasattr(v, "__len__") and hasattr(v, "__getitem__"))


def _plain(v):
    """Deep copy of a (read-only) parameter value into plain dicts / lists."""
    if _is_map(v):
        return {k: _plain(v[k]) for k in v.keys()}
    if _is_list(v):
        return [_plain(e) for e in v]
    return v


def _mask_string(s, keep_last):
    if keep_last <= 0:
        return "****"
    n = len(s)
    if n <= keep_last:
        return "*" * n
    return "*" * (n - keep_last) + s[n - keep_last:]


def _mask_by_type(v, keep_last):
    if isinstance(v, str):
        return _mask_string(v, keep_last)
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return 0
    if _is_map(v):
        return {}
    if _is_list(v):
        return []
    return v  # None and anything else


def _keep_last(raw):
    try:
        k = float(0 if raw is None else raw)
    except (TypeError, ValueError):
        return 0
    if math.isnan(k) or math.isinf(k) or k <= 0:
        return 0
    return int(k)


def transform(msg, ctx):
    params = ctx.params
    has_replacement = "replacement" in params
    keep_last = _keep_last(params.get("keep-last"))
    value = msg.value
    if not _is_map(value):
        return msg
    for path in params["fields"]:
        parts = str(path).split(".")
        node = value
        for part in parts[:-1]:
            node = node[part] if _is_map(node) and part in node else None
        last = parts[-1]
        if not _is_map(node) or last not in node:
            continue
        node[last] = _plain(params["replacement"]) if has_replacement else _mask_by_type(node[last], keep_last)
    return msg
