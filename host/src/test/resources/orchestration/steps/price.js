// A pure lookup that counts its calls per value.run (module state: pool size 1); fails when value.fail is set.
const calls = {};

export function transform(msg, ctx) {
  const run = msg.value.run;
  calls[run] = (calls[run] || 0) + 1;
  if (msg.value.fail) {
    throw new Error("price lookup failed for " + msg.value.sku);
  }
  msg.value.price = msg.value.sku.length * 100;
  msg.value.calls = calls[run];
  return msg;
}
