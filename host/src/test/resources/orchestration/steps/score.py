# A branch body: the value is the request {name}; the result is a number.
def transform(msg, ctx):
    msg.value = len(msg.value["name"]) * 10
    return msg
