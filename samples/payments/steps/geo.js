// Region of the payer's country (a static table; a real step would use a lookup).
const REGIONS = { DE: "eu", FR: "eu", NL: "eu", US: "na", CA: "na", JP: "apac" };

export function transform(msg, ctx) {
  msg.value.region = REGIONS[msg.value.country] ?? "other";
  return msg;
}
