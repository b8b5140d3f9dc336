# Copies every parameter into the value: params {went: a} sets value["went"] = "a".
def transform(msg, ctx):
    for k, v in ctx.params.items():
        msg.value[k] = v
    return msg
