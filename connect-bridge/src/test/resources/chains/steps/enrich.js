// Tags a record with its region and the header it came with, re-keys it, and routes VIPs.
export function transform(msg, ctx) {
  if (msg.value === null) {
    msg.headers.set("deleted", "true");
    return msg;
  }
  if (msg.value.drop === true) {
    return null;
  }
  msg.value.region = ctx.params.region;
  msg.value.source = msg.headers.get("source");
  msg.headers.set("enriched-by", ctx.params.region);
  msg.headers.remove("trace");
  msg.key = "customer-" + msg.key;
  if (msg.value.vip === true) {
    msg.topic = "vip-" + msg.topic;
  }
  return msg;
}
