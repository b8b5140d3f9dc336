def transform(msg, ctx):
    return None if msg.value["n"] % 2 == 1 else msg
