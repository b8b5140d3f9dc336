export function transform(msg, ctx) {
  const p = ctx.params;
  msg.value.params = {region: p.region, owner: p.owner, tier: p.tier, raw: p.raw, color: p.color};
  return msg;
}
