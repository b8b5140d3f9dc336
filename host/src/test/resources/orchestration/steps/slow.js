// Waits params.ms of host time, then marks the value as branch 1 did it.
export function transform(msg, ctx) {
  const end = ctx.now() + ctx.params.ms;
  while (ctx.now() < end) {
  }
  msg.value.winner = ctx.params.winner;
  msg.value.from1 = true;
  msg.value.meta.one = 1;
  return msg;
}
