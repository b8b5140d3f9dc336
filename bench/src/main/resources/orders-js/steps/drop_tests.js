// Test orders never leave the pipeline: returning null drops the record.
export function transform(msg, ctx) {
  if (msg.headers.get("test") === "true" || msg.value.customer === "test") {
    return null;
  }
  return msg;
}
