# drop-fields: drops fields from the record value.
# 'keep' (top-level names) drops every other top-level field; 'fields' (dotted
# paths) drops the listed fields. When both are given, keep is applied first.
# Missing fields and values that are not maps are left unchanged.


def _is_map(v):
    return isinstance(v, dict) or (hasattr(v, "keys") and hasattr(v, "__getitem__"))


def _config(params):
    """kept: the set of names to keep, or None; paths: the paths to drop, split at dots, or None."""
    fields = params.get("fields")
    keep = params.get("keep")
    if fields is None and keep is None:
        raise ValueError("drop-fields: give at least one of 'fields' (dotted paths to drop) "
                         "or 'keep' (top-level field names to keep)")
    kept = None if keep is None else set(str(k) for k in keep)
    paths = None if fields is None else [str(path).split(".") for path in fields]
    return kept, paths


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
    kept, paths = _config_for(ctx.params)
    value = msg.value
    if not _is_map(value):
        return msg
    if kept is not None:
        for k in list(value.keys()):
            if k not in kept:
                del value[k]
    if paths is not None:
        for parts in paths:
            node = value
            for part in parts[:-1]:
                node = node[part] if _is_map(node) and part in node else None
            last = parts[-1]
            if _is_map(node) and last in node:
                del node[last]
    return msg
