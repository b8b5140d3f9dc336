// InsertField$Value static.field=source static.value=web, by hand
export function transform(msg) {
  msg.value.source = 'web';
  return msg;
}
