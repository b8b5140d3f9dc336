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


def _config(params):
    return _list_param(params, "headers")


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
    for name in _config_for(ctx.params):
        msg.headers.remove(name)
    return msg
