// The line is a record envelope as the catena CLI reads it:
// {"key": ..., "value": {...}, "headers": {...}, "timestamp": ...}. Key, value, headers and
// timestamp become the Connect record's; the topic stays the connector's.
export function transform(msg, ctx) {
  const line = JSON.parse(msg.value);
  msg.key = line.key ?? null;
  msg.value = line.value;
  if (typeof line.timestamp === "number") {
    msg.timestamp = line.timestamp;
  }
  for (const [name, value] of Object.entries(line.headers ?? {})) {
    msg.headers.set(name, value);
  }
  return msg;
}
