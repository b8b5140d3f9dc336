def transform(msg, ctx):
    x = (
    return msg
