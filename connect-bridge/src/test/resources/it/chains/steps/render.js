// The connector writes text: hand the order back as one line of JSON.
export function transform(msg, ctx) {
  msg.value = JSON.stringify(msg.value);
  return msg;
}
