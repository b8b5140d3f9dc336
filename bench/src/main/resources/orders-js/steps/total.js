// Adds net, VAT and gross totals, rounded to cents, and tags the record.
export function transform(msg, ctx) {
  const order = msg.value;
  let net = 0;
  for (const line of order.lines) {
    net += line.qty * line.price;
  }
  const vat = Math.round(net * ctx.params.vat * 100) / 100;
  order.net = Math.round(net * 100) / 100;
  order.vat = vat;
  order.total = Math.round((net + vat) * 100) / 100;
  order.currency = ctx.params.currency;
  msg.headers.set("priced-by", ctx.step);
  return msg;
}
