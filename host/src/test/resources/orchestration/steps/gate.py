# value["gate"] decides: "drop" drops the record, "fail" raises, anything else passes it marked.
def transform(msg, ctx):
    if msg.value.get("gate") == "drop":
        return None
    msg.value["gated"] = True
    if msg.value.get("gate") == "fail":
        raise ValueError("gate closed")
    return msg
