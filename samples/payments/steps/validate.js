// Refuses payments without a positive amount or a currency; such records are
// retried (a real check might call out) and then go to the dead-letter file.
export function transform(msg, ctx) {
  const p = msg.value;
  if (typeof p.amount !== "number" || p.amount <= 0) {
    throw new Error(`payment ${p.id}: amount must be a positive number, got ${JSON.stringify(p.amount)}`);
  }
  if (typeof p.currency !== "string" || p.currency.length !== 3) {
    throw new Error(`payment ${p.id}: currency must be a 3-letter code`);
  }
  return msg;
}
