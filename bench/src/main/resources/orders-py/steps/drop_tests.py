# Test orders never leave the pipeline: returning None drops the record.
def transform(msg, ctx):
    if msg.headers.get("test") == "true" or msg.value.get("customer") == "test":
        return None
    return msg
