# drop-fields: drops fields from the record value.
# 'keep' (top-level names) drops every other top-level field; 'fields' (dotted
# paths) drops the listed fields. When both are given, keep is applied first.
# Missing fields and values that are not maps are left unchanged.


def _is_map(v):
    return isinstance(v, dict) or (hasattr(v, "keys") and hasattr(v, "__getitem__"))


def transform(msg, ctx):
    fields = ctx.params.get("fields")
    keep = ctx.params.get("keep")
    if fields is None and keep is None:
        raise ValueError("drop-fields: give at least one of 'fields' (dotted paths to drop) "
                         "or 'keep' (top-level field names to keep)")
    value = msg.value
    if not _is_map(value):
        return msg
    if keep is not None:
        kept = set(str(k) for k in keep)
        for k in list(value.keys()):
            if k not in kept:
                del value[k]
    if fields is not None:
        for path in fields:
            parts = str(path).split(".")
            node = value
            for part in parts[:-1]:
                node = node[part] if _is_map(node) and part in node else None
            last = parts[-1]
            if _is_map(node) and last in node:
                del node[last]
    return msg
