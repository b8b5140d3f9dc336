// An order needs a positive quantity; anything else fails the record.
export function transform(msg, ctx) {
  if (!(msg.value.qty > 0)) {
    throw new Error(`order ${msg.value.id}: qty must be positive, got ${msg.value.qty}`);
  }
  return msg;
}
