# Waits params["ms"] of host time, then marks the value as branch 1 did it.
def transform(msg, ctx):
    end = ctx.now() + ctx.params["ms"]
    while ctx.now() < end:
        pass
    msg.value["winner"] = ctx.params["winner"]
    msg.value["from1"] = True
    msg.value["meta"]["one"] = 1
    return msg
