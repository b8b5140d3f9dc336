// A new version of tag.js with a syntax error on line 6: the watcher must refuse it, naming
// this line, and the version before it must keep serving.
const VERSION = 3;

export function transform(msg, ctx) {
  msg.value.version = VERSION +;
  return msg;
}
