export function transform(msg, ctx) {
  return msg.value.items.map(item => ({ key: msg.key, value: { item: item } }));
}
