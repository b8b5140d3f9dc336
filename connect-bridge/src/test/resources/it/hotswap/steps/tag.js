// Marks each record with the version of this script. HotSwapConnectIT saves a new version by
// rewriting the VERSION line.
const VERSION = 1;

export function transform(msg, ctx) {
  msg.value.version = VERSION;
  return msg;
}
