# rename-fields: renames fields of the record value, keeping each renamed field
# at its position in key order (the parent map is rebuilt in order).
# 'a.b: c' renames a.b to a.c. Renames that share a parent apply simultaneously,
# so swaps work; a renamed field replaces an existing field with the target name.
# Missing fields and values that are not maps are left unchanged.


def _is_map(v):
    return isinstance(v, dict) or (hasattr(v, "keys") and hasattr(v, "__getitem__"))


def _plan(renames):
    """Groups the renames by parent path, deepest parents first (stable otherwise),
    so that renaming a map and one of its children in the same step both work."""
    groups = []
    by_parent = {}
    for path in renames.keys():
        to = renames[path]
        if not isinstance(to, str) or to == "" or "." in to:
            raise ValueError(
                "rename-fields: the new name for '%s' must be a non-empty field name without dots "
                "(it stays in the same parent map), got %r" % (path, to))
        parts = str(path).split(".")
        parent = tuple(parts[:-1])
        group = by_parent.get(parent)
        if group is None:
            group = (parent, {})
            by_parent[parent] = group
            groups.append(group)
        group[1][parts[-1]] = to
    groups.sort(key=lambda g: -len(g[0]))
    return groups


def _renamed(obj, renames):
    """Returns a rebuilt copy of obj with the renames applied, or None when none applies."""
    keys = list(obj.keys())
    targets = set(renames[k] for k in keys if k in renames)
    if not targets:
        return None
    out = {}
    for k in keys:
        if k in renames:
            out[renames[k]] = obj[k]
        elif k not in targets:
            out[k] = obj[k]
        # else: replaced by a renamed field
    return out


def _config(params):
    return _plan(params["renames"])


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
    groups = _config_for(ctx.params)
    if not _is_map(msg.value):
        return msg
    for parent, renames in groups:
        if not parent:
            rebuilt = _renamed(msg.value, renames)
            if rebuilt is not None:
                msg.value = rebuilt
            continue
        # walk to the grandparent map, then rebuild the parent map in it
        holder = msg.value
        for part in parent[:-1]:
            holder = holder[part] if _is_map(holder) and part in holder else None
        last = parent[-1]
        if not _is_map(holder) or last not in holder or not _is_map(holder[last]):
            continue
        rebuilt = _renamed(holder[last], renames)
        if rebuilt is not None:
            holder[last] = rebuilt
    return msg
