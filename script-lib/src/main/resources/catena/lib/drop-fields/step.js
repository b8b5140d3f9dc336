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

export function transform(msg, ctx) {
  const fields = ctx.params.fields;
  const keep = ctx.params.keep;
  const hasFields = fields !== undefined && fields !== null;
  const hasKeep = keep !== undefined && keep !== null;
  if (!hasFields && !hasKeep) {
    throw new Error("drop-fields: give at least one of 'fields' (dotted paths to drop) "
      + "or 'keep' (top-level field names to keep)");
  }
  const value = msg.value;
  if (!isMap(value)) {
    return msg;
  }
  if (hasKeep) {
    const kept = new Set(Array.from(keep, String));
    for (const k of Object.keys(value)) {
      if (!kept.has(k)) {
        delete value[k];
      }
    }
  }
  if (hasFields) {
    for (const path of fields) {
      const parts = String(path).split('.');
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
