// Looks up the EUR rate of a currency. Its record's value is the currency code
// (the chain's branch maps it out of the payment) and it returns the rate as the
// value. Pure, so the chain memoizes it: a real lookup would call a service.
const RATES = { EUR: 1, USD: 0.92, JPY: 0.0062, GBP: 1.17, CAD: 0.68 };

export function transform(msg, ctx) {
  const rate = RATES[msg.value];
  if (rate === undefined) {
    throw new Error(`no rate for currency ${msg.value}`);
  }
  msg.value = rate;
  return msg;
}
