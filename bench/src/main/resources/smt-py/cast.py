# Cast$Value spec=price:string, by hand
def transform(msg, ctx):
    v = msg.value
    if v.get("price") is not None:
        v["price"] = str(v["price"])
    return msg
