// Converts the amount to EUR with the rate the lookup branch added.
export function transform(msg, ctx) {
  msg.value.amount_eur = Math.round(msg.value.amount * msg.value.rate * 100) / 100;
  return msg;
}
