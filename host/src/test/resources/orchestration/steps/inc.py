def transform(msg, ctx):
    msg.value["i"] = msg.value["i"] + 1
    return msg
