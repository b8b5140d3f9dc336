// Changes the value, then fails: a policy must never let the half-change through.
export function transform(msg, ctx) {
  msg.value.touched = true;
  throw new Error("boom on n=" + msg.value.n);
}
