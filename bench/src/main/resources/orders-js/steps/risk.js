// Scores large orders; runs only when the chain's `when:` lets it (samples/orders/steps/risk.py in JS).
const LOW_RISK_COUNTRIES = new Set(["DE", "FR", "NL"]);

export function transform(msg, ctx) {
  const order = msg.value;
  const limit = ctx.params.limit;
  let score = order.total > limit ? "high" : "medium";
  if (!LOW_RISK_COUNTRIES.has(order.country)) {
    score = "high";
  }
  order.risk = score;
  msg.headers.set("risk", score);
  return msg;
}
