# A toy fraud score: large amounts and unknown countries score higher.
KNOWN = {"DE", "FR", "NL", "US", "CA", "JP"}


def transform(msg, ctx):
    p = msg.value
    score = 10
    if p["amount"] > 500:
        score += 40
    if p.get("country") not in KNOWN:
        score += 30
    p["fraud_score"] = score
    return msg
