# MaskField$Value fields=card, by hand (a string masks to '')
def transform(msg, ctx):
    if "card" in msg.value:
        msg.value["card"] = ""
    return msg
