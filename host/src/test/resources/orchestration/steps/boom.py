# Changes the value, then fails: a policy must never let the half-change through.
def transform(msg, ctx):
    msg.value["touched"] = True
    raise ValueError("boom on n=" + str(msg.value["n"]))
