# ReplaceField$Value renames=qty:quantity, by hand
def transform(msg, ctx):
    v = msg.value
    if "qty" in v:
        v["quantity"] = v["qty"]
        del v["qty"]
    return msg
