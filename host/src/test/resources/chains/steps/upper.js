export function transform(msg, ctx) {
  msg.value.name = msg.value.name.toUpperCase();
  msg.value.tag = ctx.params.tag;
  return msg;
}
