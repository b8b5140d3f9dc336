# InsertField$Value static.field=source static.value=web, by hand
def transform(msg, ctx):
    msg.value["source"] = "web"
    return msg
