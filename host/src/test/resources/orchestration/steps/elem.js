// One element of a foreach: 0 is dropped, a negative number splits into itself and its opposite, others x10.
export function transform(msg, ctx) {
  const v = msg.value;
  if (v === 0) {
    return null;
  }
  if (v < 0) {
    return [{ value: v }, { value: -v }];
  }
  msg.value = v * 10;
  return msg;
}
