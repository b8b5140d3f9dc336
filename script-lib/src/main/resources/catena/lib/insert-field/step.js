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

function put(root, parts, value, overwrite) {
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

function splitPath(path) {
  return path === undefined || path === null ? null : String(path).split('.');
}

// constants: the 'fields' as {parts, value} (value a plain copy of the parameter, shared by
// every record: assigning it into a record copies it); topicField, timestampField: a path
// split at dots, or null.
function config(params) {
  const constants = [];
  const fields = params.fields;
  if (fields !== undefined && fields !== null) {
    for (const path of Object.keys(fields)) {
      constants.push({parts: String(path).split('.'), value: plain(fields[path])});
    }
  }
  return {
    overwrite: params.overwrite !== false,
    constants,
    topicField: splitPath(params['topic-field']),
    timestampField: splitPath(params['timestamp-field']),
  };
}

// The parsed params, once per params object: ctx.params is the same read-only object on
// every call of a step, and one context may run this script for several steps. A config
// that fails to parse is not stored, so every record fails with the same error.
const CONFIGS = new Map();
const MAX_CONFIGS = 64;

function configFor(params) {
  let c = CONFIGS.get(params);
  if (c === undefined) {
    c = config(params);
    if (CONFIGS.size >= MAX_CONFIGS) {
      CONFIGS.clear();
    }
    CONFIGS.set(params, c);
  }
  return c;
}

export function transform(msg, ctx) {
  const value = msg.value;
  if (!isMap(value)) {
    return msg;
  }
  const c = configFor(ctx.params);
  for (const constant of c.constants) {
    put(value, constant.parts, constant.value, c.overwrite);
  }
  if (c.topicField !== null) {
    put(value, c.topicField, msg.topic === undefined ? null : msg.topic, c.overwrite);
  }
  if (c.timestampField !== null) {
    put(value, c.timestampField, msg.timestamp === undefined ? null : msg.timestamp, c.overwrite);
  }
  return msg;
}
