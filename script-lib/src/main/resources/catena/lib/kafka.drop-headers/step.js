// kafka.drop-headers: Kafka Connect's DropHeaders as a script.
// Removes every header whose name is listed ('headers': a list, or a comma-separated
// string as in Kafka; not empty). The other headers keep their order.

function isList(v) {
  if (Array.isArray(v)) {
    return true;
  }
  return v !== null && typeof v === 'object' && typeof v.length === 'number'
    && !Object.keys(v).includes('length');
}

function listParam(params, name) {
  const v = params[name];
  let list;
  if (v === undefined || v === null) {
    list = [];
  } else if (isList(v)) {
    list = Array.from(v, String);
  } else {
    const s = String(v).trim();
    list = s === '' ? [] : s.split(/\s*,\s*/);
  }
  if (list.length === 0) {
    throw new Error(name + ' must name at least one header');
  }
  return list;
}

function config(params) {
  return {headers: listParam(params, 'headers')};
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
  for (const name of configFor(ctx.params).headers) {
    msg.headers.remove(name);
  }
  return msg;
}
