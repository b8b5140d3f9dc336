def transform(msg, ctx):
    return [{"key": msg.key, "value": {"item": item}} for item in msg.value["items"]]
