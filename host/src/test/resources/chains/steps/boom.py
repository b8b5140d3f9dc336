def transform(msg, ctx):
    msg.value["touched"] = True
    if msg.value["n"] == 3:
        raise ValueError("n must not be 3")
    return msg
