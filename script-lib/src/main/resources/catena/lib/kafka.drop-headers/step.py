# kafka.drop-headers: Kafka Connect's DropHeaders as a script.
# Removes every header whose name is listed ('headers': a list, or a comma-separated
# string as in Kafka; not empty). The other headers keep their order.

import re


def _is_map(v):
    return isinstance(v, dict) or (hasattr(v, "keys") and hasattr(v, "__getitem__"))


def _is_list(v):
    return (not isinstance(v, (str, bytes)) and not _is_map(v)
            and hasattr(v, "__len__") and hasattr(v, "__getitem__"))


def _list_param(params, name):
    v = params.get(name)
    if v is None:
        items = []
    elif _is_list(v):
        items = [str(e) for e in v]
    else:
        s = str(v).strip()
        items = [] if s == "" else re.split(r"\s*,\s*", s)
    if not items:
        raise ValueError(name + " must name at least one header")
    return items


def transform(msg, ctx):
    for name in _list_param(ctx.params, "headers"):
        msg.headers.remove(name)
    return msg
