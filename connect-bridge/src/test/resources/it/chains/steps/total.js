// Net, VAT and total of one order line, rounded to cents; says who priced it.
export function transform(msg, ctx) {
  const order = msg.value;
  const net = order.qty * order.price;
  order.net = Math.round(net * 100) / 100;
  order.vat = Math.round(net * ctx.params.vat * 100) / 100;
  order.total = Math.round((order.net + order.vat) * 100) / 100;
  msg.headers.set("priced-by", ctx.step);
  return msg;
}
