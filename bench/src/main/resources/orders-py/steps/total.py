# Adds net, VAT and gross totals, rounded to cents, and tags the record.
import math


def _cents(x):
    # JavaScript's Math.round (half up), as in samples/orders/steps/total.js; Python's round() is half-even
    return math.floor(x * 100 + 0.5) / 100


def transform(msg, ctx):
    order = msg.value
    net = 0
    for line in order["lines"]:
        net += line["qty"] * line["price"]
    vat = math.floor(net * ctx.params["vat"] * 100 + 0.5) / 100
    order["net"] = _cents(net)
    order["vat"] = vat
    order["total"] = _cents(net + vat)
    order["currency"] = ctx.params["currency"]
    msg.headers.set("priced-by", ctx.step)
    return msg
