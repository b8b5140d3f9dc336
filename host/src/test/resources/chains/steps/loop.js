export function transform(msg, ctx) {
  if (msg.value.n === 2) {
    while (true) { }
  }
  return msg;
}
