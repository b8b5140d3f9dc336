# Refunds move money back: store the amount as negative.
def transform(msg, ctx):
    msg.value["amount"] = -abs(msg.value["amount"])
    return msg
