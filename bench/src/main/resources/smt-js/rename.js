// ReplaceField$Value renames=qty:quantity, by hand
export function transform(msg) {
  const v = msg.value;
  if ('qty' in v) {
    v.quantity = v.qty;
    delete v.qty;
  }
  return msg;
}
