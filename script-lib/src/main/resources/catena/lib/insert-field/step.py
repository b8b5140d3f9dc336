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


def _put(root, path, value, overwrite):
    parts = str(path).split(".")
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


def transform(msg, ctx):
    params = ctx.params
    value = msg.value
    if not _is_map(value):
        return msg
    overwrite = params.get("overwrite") is not False
    fields = params.get("fields")
    if fields is not None:
        for path in fields.keys():
            _put(value, path, _plain(fields[path]), overwrite)
    topic_field = params.get("topic-field")
    if topic_field is not None:
        _put(value, topic_field, msg.topic, overwrite)
    timestamp_field = params.get("timestamp-field")
    if timestamp_field is not None:
        _put(value, timestamp_field, msg.timestamp, overwrite)
    return msg
