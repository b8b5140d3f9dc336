export function transform(msg, ctx) {
  let x = ;
  return msg;
}
