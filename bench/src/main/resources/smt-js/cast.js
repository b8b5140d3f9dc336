// Cast$Value spec=price:string, by hand
export function transform(msg) {
  const v = msg.value;
  if (v.price !== null && v.price !== undefined) {
    v.price = String(v.price);
  }
  return msg;
}
