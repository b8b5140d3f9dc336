// A branch body: the value is the request {name}; the result is a number.
export function transform(msg, ctx) {
  msg.value = msg.value.name.length * 10;
  return msg;
}
