# RegexRouter regex=orders-(.*) replacement=routed-$1, by hand
import re

ROUTE = re.compile(r"orders-(.*)")

def transform(msg, ctx):
    m = ROUTE.fullmatch(msg.topic)
    if m is not None:
        msg.topic = "routed-" + m.group(1)
    return msg
