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


def _config(params):
    """paths: the fields split at dots; replacement: a plain copy of the parameter, shared by
    every record (assigning it into a record copies it)."""
    has_replacement = "replacement" in params
    return {
        "paths": [str(path).split(".") for path in params["fields"]],
        "has_replacement": has_replacement,
        "replacement": _plain(params["replacement"]) if has_replacement else None,
        "keep_last": _keep_last(params.get("keep-last")),
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
    value = msg.value
    if not _is_map(value):
        return msg
    c = _config_for(ctx.params)
    has_replacement = c["has_replacement"]
    keep_last = c["keep_last"]
    for parts in c["paths"]:
        node = value
        for part in parts[:-1]:
            node = node[part] if _is_map(node) and part in node else None
        last = parts[-1]
        if not _is_map(node) or last not in node:
            continue
        node[last] = c["replacement"] if has_replacement else _mask_by_type(node[last], keep_last)
    return msg
