# Scores an order against the limit and says who scored it.
def transform(msg, ctx):
    amount = msg.value["amount"]
    msg.value["risk"] = "high" if amount > ctx.params["limit"] else "low"
    msg.headers.set("scored-by", "py:" + msg.headers.get("source"))
    return msg
