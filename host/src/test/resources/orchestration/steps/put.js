// Copies every parameter into the value: params {went: a} sets value.went = "a".
export function transform(msg, ctx) {
  for (const k of Object.keys(ctx.params)) {
    msg.value[k] = ctx.params[k];
  }
  return msg;
}
