# Cancelled orders go no further: returning None drops the record.
def transform(msg, ctx):
    if msg.value.get("cancelled"):
        return None
    return msg
