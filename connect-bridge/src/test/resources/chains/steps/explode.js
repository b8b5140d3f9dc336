export function transform(msg, ctx) {
  return [msg, msg];
}
