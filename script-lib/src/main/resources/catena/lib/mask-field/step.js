// mask-field: masks the values of fields of the record value.
// With 'replacement' every listed field is replaced by it. Without it the mask
// depends on the type: strings -> "****" (keep-last 0) or '*' for every
// character but the last keep-last ones (same length; a string not longer than
// keep-last is masked entirely), numbers -> 0, booleans -> false, lists -> [],
// maps -> {}, null stays null. Characters are Unicode code points.
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

function maskString(s, keepLast) {
  if (keepLast <= 0) {
    return '****';
  }
  const chars = Array.from(s); // code points, like Python's str
  const n = chars.length;
  if (n <= keepLast) {
    return '*'.repeat(n);
  }
  return '*'.repeat(n - keepLast) + chars.slice(n - keepLast).join('');
}

function maskByType(v, keepLast) {
  if (typeof v === 'string') {
    return maskString(v, keepLast);
  }
  if (typeof v === 'number' || typeof v === 'bigint') {
    return 0;
  }
  if (typeof v === 'boolean') {
    return false;
  }
  if (isList(v)) {
    return [];
  }
  if (isMap(v)) {
    return {};
  }
  return v; // null and anything else
}

// paths: the fields split at dots; replacement: a plain copy of the parameter, shared by
// every record (assigning it into a record copies it).
function config(params) {
  const hasReplacement = params.replacement !== undefined;
  const rawKeep = Number(params['keep-last'] === undefined ? 0 : params['keep-last']);
  const keepLast = Number.isFinite(rawKeep) && rawKeep > 0 ? Math.trunc(rawKeep) : 0;
  const paths = [];
  for (const path of params.fields) {
    paths.push(String(path).split('.'));
  }
  return {paths, hasReplacement, replacement: hasReplacement ? plain(params.replacement) : undefined, keepLast};
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
  const {paths, hasReplacement, replacement, keepLast} = configFor(ctx.params);
  for (const parts of paths) {
    let node = value;
    for (const part of parts.slice(0, -1)) {
      node = isMap(node) && has(node, part) ? node[part] : undefined;
    }
    const last = parts[parts.length - 1];
    if (!isMap(node) || !has(node, last)) {
      continue;
    }
    node[last] = hasReplacement ? replacement : maskByType(node[last], keepLast);
  }
  return msg;
}
