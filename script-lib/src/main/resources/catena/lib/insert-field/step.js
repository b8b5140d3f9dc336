// insert-field: inserts constant fields (and optionally the record topic /
// timestamp) into the record value, in the spirit of Kafka Connect's InsertField.
// Records whose value is not a map (tombstones, strings, numbers, lists) pass unchanged.

// Lists: JS arrays, or array-like foreign (host) lists.
function isList(v) {
  if (Array.isArray(v)) {
    return true;
  }
  return v !== null && typeof v === 'object' && typeof v.length === 'number'
    && !Object.keys(v).includes('length');
}

function isMap(v) {
  return v !== null && typeof v === 'object' && !isList(v);
}

function has(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

// Deep copy of a (read-only) parameter value into plain objects / arrays.
function plain(v) {
  if (isList(v)) {
    return Array.from(v, plain);
  }
  if (isMap(v)) {
    const out = {};
    for (const k of Object.keys(v)) {
      out[k] = plain(v[k]);
    }
    return out;
  }
  return v;
}

function put(root, path, value, overwrite) {
  const parts = String(path).split('.');
  let node = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    let child = has(node, part) ? node[part] : null;
    if (child === null || child === undefined) {
      node[part] = {};
      child = node[part]; // re-read: a live view of the inserted map
    } else if (!isMap(child)) {
      return; // an intermediate exists and is not a map: skip this entry
    }
    node = child;
  }
  const last = parts[parts.length - 1];
  if (!overwrite && has(node, last)) {
    return;
  }
  node[last] = value;
}

export function transform(msg, ctx) {
  const params = ctx.params;
  const value = msg.value;
  if (!isMap(value)) {
    return msg;
  }
  const overwrite = params.overwrite !== false;
  const fields = params.fields;
  if (fields !== undefined && fields !== null) {
    for (const path of Object.keys(fields)) {
      put(value, path, plain(fields[path]), overwrite);
    }
  }
  const topicField = params['topic-field'];
  if (topicField !== undefined && topicField !== null) {
    put(value, topicField, msg.topic === undefined ? null : msg.topic, overwrite);
  }
  const timestampField = params['timestamp-field'];
  if (timestampField !== undefined && timestampField !== null) {
    put(value, timestampField, msg.timestamp === undefined ? null : msg.timestamp, overwrite);
  }
  return msg;
}
