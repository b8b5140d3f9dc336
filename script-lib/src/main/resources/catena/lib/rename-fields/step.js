// rename-fields: renames fields of the record value, keeping each renamed field
// at its position in key order (the parent map is rebuilt in order).
// 'a.b: c' renames a.b to a.c. Renames that share a parent apply simultaneously,
// so swaps work; a renamed field replaces an existing field with the target name.
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

// Groups the renames by parent path, deepest parents first (stable otherwise),
// so that renaming a map and one of its children in the same step both work.
function plan(renames) {
  const groups = [];
  const byParent = new Map();
  for (const path of Object.keys(renames)) {
    const to = renames[path];
    if (typeof to !== 'string' || to === '' || to.includes('.')) {
      throw new Error(`rename-fields: the new name for '${path}' must be a non-empty field name without dots `
        + `(it stays in the same parent map), got ${JSON.stringify(to)}`);
    }
    const parts = String(path).split('.');
    const parent = parts.slice(0, -1);
    const parentKey = JSON.stringify(parent);
    let group = byParent.get(parentKey);
    if (!group) {
      group = { parent, renames: new Map() };
      byParent.set(parentKey, group);
      groups.push(group);
    }
    group.renames.set(parts[parts.length - 1], to);
  }
  groups.sort((a, b) => b.parent.length - a.parent.length);
  return groups;
}

// Returns a rebuilt copy of obj with the renames applied, or null when none applies.
function renamed(obj, renames) {
  const keys = Object.keys(obj);
  const targets = new Set();
  for (const k of keys) {
    if (renames.has(k)) {
      targets.add(renames.get(k));
    }
  }
  if (targets.size === 0) {
    return null;
  }
  const out = {};
  for (const k of keys) {
    if (renames.has(k)) {
      out[renames.get(k)] = obj[k];
    } else if (!targets.has(k)) {
      out[k] = obj[k];
    } // else: replaced by a renamed field
  }
  return out;
}

function config(params) {
  return plan(params.renames);
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
  const groups = configFor(ctx.params);
  if (!isMap(msg.value)) {
    return msg;
  }
  for (const group of groups) {
    if (group.parent.length === 0) {
      const rebuilt = renamed(msg.value, group.renames);
      if (rebuilt !== null) {
        msg.value = rebuilt;
      }
      continue;
    }
    // walk to the grandparent map, then rebuild the parent map in it
    let holder = msg.value;
    for (const part of group.parent.slice(0, -1)) {
      holder = isMap(holder) && has(holder, part) ? holder[part] : undefined;
    }
    const last = group.parent[group.parent.length - 1];
    if (!isMap(holder) || !has(holder, last) || !isMap(holder[last])) {
      continue;
    }
    const rebuilt = renamed(holder[last], group.renames);
    if (rebuilt !== null) {
      holder[last] = rebuilt;
    }
  }
  return msg;
}
