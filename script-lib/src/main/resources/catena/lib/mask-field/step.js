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

export function transform(msg, ctx) {
  const params = ctx.params;
  const hasReplacement = params.replacement !== undefined;
  const rawKeep = Number(params['keep-last'] === undefined ? 0 : params['keep-last']);
  const keepLast = Number.isFinite(rawKeep) && rawKeep > 0 ? Math.trunc(rawKeep) : 0;
  const value = msg.value;
  if (!isMap(value)) {
    return msg;
  }
  for (const path of params.fields) {
    const parts = String(path).split('.');
    let node = value;
    for (const part of parts.slice(0, -1)) {
      node = isMap(node) && has(node, part) ? node[part] : undefined;
    }
    const last = parts[parts.length - 1];
    if (!isMap(node) || !has(node, last)) {
      continue;
    }
    node[last] = hasReplacement ? plain(params.replacement) : maskByType(node[last], keepLast);
  }
  return msg;
}
