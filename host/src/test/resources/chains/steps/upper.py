def transform(msg, ctx):
    msg.value["name"] = msg.value["name"].upper()
    msg.value["tag"] = ctx.params["tag"]
    return msg
