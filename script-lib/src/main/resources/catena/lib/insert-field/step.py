# insert-field: inserts constant fields (and optionally the record topic /
# timestamp) into the record value, in the spirit of Kafka Connect's InsertField.
# Records whose value is not a map (tombstones, strings, numbers, lists) pass unchanged.


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


def _put(root, parts, value, overwrite):
    node = root
    for part in parts[:-1]:
        child = node[part] if part in node else None
        if child is None:
            node[part] = {}
            child = node[part]  # re-read: a live view of the inserted map
        elif not _is_map(child):
            return  # an intermediate exists and is not a map: skip this entry
        node = child
    last = parts[-1]
    if not overwrite and last in node:
        return
    node[last] = value


def _split_path(path):
    return None if path is None else str(path).split(".")


def _config(params):
    """constants: the 'fields' as (parts, value) pairs (value a plain copy of the parameter, shared
    by every record: assigning it into a record copies it); topic_field, timestamp_field: a path
    split at dots, or None."""
    fields = params.get("fields")
    constants = []
    if fields is not None:
        constants = [(str(path).split("."), _plain(fields[path])) for path in fields.keys()]
    return {
        "overwrite": params.get("overwrite") is not False,
        "constants": constants,
        "topic_field": _split_path(params.get("topic-field")),
        "timestamp_field": _split_path(params.get("timestamp-field")),
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
    overwrite = c["overwrite"]
    for parts, constant in c["constants"]:
        _put(value, parts, constant, overwrite)
    if c["topic_field"] is not None:
        _put(value, c["topic_field"], msg.topic, overwrite)
    if c["timestamp_field"] is not None:
        _put(value, c["timestamp_field"], msg.timestamp, overwrite)
    return msg
