def transform(msg, ctx):
    if msg.value["n"] == 2:
        while True:
            pass
    return msg
