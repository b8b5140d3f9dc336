# Scores large orders; runs only when the chain's `when:` lets it.
def transform(msg, ctx):
    order = msg.value
    limit = ctx.params["limit"]
    score = "high" if order["total"] > limit else "medium"
    if order.get("country") not in ("DE", "FR", "NL"):
        score = "high"
    order["risk"] = score
    msg.headers.set("risk", score)
    return msg
