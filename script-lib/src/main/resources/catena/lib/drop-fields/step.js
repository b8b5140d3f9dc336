// drop-fields: drops fields from the record value.
// 'keep' (top-level names) drops every other top-level field; 'fields' (dotted
// paths) drops the listed fields. When both are given, keep is applied first.
// Missing fields and values that are not maps are left unchanged.

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

// kept: the set of names to keep, or null; paths: the paths to drop, split at dots, or null.
function config(params) {
  const fields = params.fields;
  const keep = params.keep;
  const hasFields = fields !== undefined && fields !== null;
  const hasKeep = keep !== undefined && keep !== null;
  if (!hasFields && !hasKeep) {
    throw new Error("drop-fields: give at least one of 'fields' (dotted paths to drop) "
      + "or 'keep' (top-level field names to keep)");
  }
  const kept = hasKeep ? new Set(Array.from(keep, String)) : null;
  let paths = null;
  if (hasFields) {
    paths = [];
    for (const path of fields) {
      paths.push(String(path).split('.'));
    }
  }
  return {kept, paths};
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
  const {kept, paths} = configFor(ctx.params);
  const value = msg.value;
  if (!isMap(value)) {
    return msg;
  }
  if (kept !== null) {
    for (const k of Object.keys(value)) {
      if (!kept.has(k)) {
        delete value[k];
      }
    }
  }
  if (paths !== null) {
    for (const parts of paths) {
      let node = value;
      for (const part of parts.slice(0, -1)) {
        node = isMap(node) && has(node, part) ? node[part] : undefined;
      }
      const last = parts[parts.length - 1];
      if (isMap(node) && has(node, last)) {
        delete node[last];
      }
    }
  }
  return msg;
}
