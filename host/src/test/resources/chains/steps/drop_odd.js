export function transform(msg, ctx) {
  return msg.value.n % 2 === 1 ? null : msg;
}
