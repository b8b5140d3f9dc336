// value.gate decides: "drop" drops the record, "fail" throws, anything else passes it marked.
export function transform(msg, ctx) {
  if (msg.value.gate === "drop") {
    return null;
  }
  msg.value.gated = true;
  if (msg.value.gate === "fail") {
    throw new Error("gate closed");
  }
  return msg;
}
