// The note field asks for a misbehaviour, so one chain covers every schema case.
export function transform(msg, ctx) {
  const order = msg.value;
  order.qty = order.qty + 1;
  if (order.qty > ctx.params.bulk) {
    order.bulk = true;
  }
  if (order.note === "drop-note") {
    delete order.note;
  }
  if (order.note === "customer-as-text") {
    order.customer = "nobody";
  }
  if (order.note === "tier-overflow") {
    order.customer.tier = 300;
  }
  msg.key = "order-" + msg.key;
  msg.headers.set("adjusted", "yes");
  return msg;
}
