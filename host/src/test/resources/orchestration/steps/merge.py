# A parallel merge: value is {input, results}; keeps input.n and the branches' winners in order.
def transform(msg, ctx):
    v = msg.value
    msg.value = {"n": v["input"]["n"], "winners": [None if r is None else r["winner"] for r in v["results"]]}
    return msg
