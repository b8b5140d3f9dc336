export function transform(msg, ctx) {
  msg.value.n = msg.value.n - 1;
  msg.value.visits = (msg.value.visits || 0) + 1;
  return msg;
}
