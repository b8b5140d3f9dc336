export function transform(msg, ctx) {
  msg.value.marked = ctx.step;
  return msg;
}
