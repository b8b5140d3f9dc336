# Scores an order by its total; an order without a customer fails the record.
def transform(msg, ctx):
    order = msg.value
    if "customer" not in order:
        raise ValueError("order %s has no customer" % order["id"])
    order["risk"] = "high" if order["total"] > ctx.params["limit"] else "low"
    msg.headers.set("risk", order["risk"])
    return msg
