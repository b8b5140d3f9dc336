// MaskField$Value fields=card, by hand (a string masks to '')
export function transform(msg) {
  if ('card' in msg.value) {
    msg.value.card = '';
  }
  return msg;
}
