export function transform(msg, ctx) {
  if (msg.value.explode) throw new Error("cannot price order " + msg.value.id);
  return msg;
}
