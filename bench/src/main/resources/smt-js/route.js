// RegexRouter regex=orders-(.*) replacement=routed-$1, by hand
const ROUTE = /^orders-(.*)$/;
export function transform(msg) {
  const m = ROUTE.exec(msg.topic);
  if (m !== null) {
    msg.topic = 'routed-' + m[1];
  }
  return msg;
}
