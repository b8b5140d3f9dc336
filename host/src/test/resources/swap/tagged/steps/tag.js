const VERSION = "v0";

export function transform(msg, ctx) {
  msg.value.version = VERSION;
  return msg;
}
