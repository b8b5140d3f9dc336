export function transform(msg, ctx) {
  msg.value.total = msg.value.qty * msg.value.price;
  return msg;
}
