export function transform(msg, ctx) {
  msg.value.touched = true;
  if (msg.value.n === 3) {
    throw new Error("n must not be 3");
  }
  return msg;
}
