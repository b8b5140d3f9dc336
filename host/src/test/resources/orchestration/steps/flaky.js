// Fails until it has been called params.succeed_at times for value.run (module state: pool size 1).
// Every attempt increments value.n first, so a retry that did not start from the original input shows.
const attempts = {};

export function transform(msg, ctx) {
  const run = msg.value.run;
  attempts[run] = (attempts[run] || 0) + 1;
  const seen = msg.value.n;
  msg.value.n++;
  if (attempts[run] < ctx.params.succeed_at) {
    throw new Error("attempt " + attempts[run] + " failed");
  }
  msg.value.seen_n = seen;
  msg.value.attempt = attempts[run];
  return msg;
}
