export function transform(msg, ctx) {
  if (msg.value.spin) {
    while (true) {}
  }
  msg.value.done = true;
  return msg;
}
