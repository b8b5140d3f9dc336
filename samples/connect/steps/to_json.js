// The source declared its value a String: hand the changed order back as JSON text.
export function transform(msg, ctx) {
  msg.value = JSON.stringify(msg.value);
  return msg;
}
