// filter: keeps or drops records depending on a condition on one field.
// ops: eq, ne, gt, gte, lt, lte, exists, missing, matches, in.
// - A field is missing when it is absent, null, reached through a non-map, or
//   when the record value is not a map (tombstones included).
// - A missing field makes every op false except 'ne' and 'missing'.
// - eq / ne / in compare deeply; numbers compare by value (1 == 1.0) and never
//   equal booleans or strings.
// - gt / gte / lt / lte compare two numbers, or two strings by code point;
//   any other pair is false.
// - matches: regex SEARCH (like Python re.search / JS RegExp.test): the pattern
//   may match anywhere; anchor it with ^...$ for a full match. Only string
//   fields can match. Use the regex syntax common to JS and Python.
// - action keep: pass records that satisfy the condition; drop: drop them.

const OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'exists', 'missing', 'matches', 'in'];

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

function isNumber(v) {
  return typeof v === 'number' || typeof v === 'bigint';
}

function lookup(root, parts) {
  let node = root;
  for (const part of parts) {
    if (!isMap(node) || !has(node, part)) {
      return undefined;
    }
    node = node[part];
  }
  return node === null ? undefined : node;
}

function deepEqual(a, b) {
  if (isNumber(a) && isNumber(b)) {
    return Number(a) === Number(b);
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return a === b;
  }
  if (isList(a) || isList(b)) {
    if (!isList(a) || !isList(b) || a.length !== b.length) {
      return false;
    }
    for (let i = 0; i < a.length; i++) {
      if (!deepEqual(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) {
    return false;
  }
  for (const k of ka) {
    if (!has(b, k) || !deepEqual(a[k], b[k])) {
      return false;
    }
  }
  return true;
}

function compareStrings(a, b) {
  // code point order, like Python
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) {
      return x.done && y.done ? 0 : (x.done ? -1 : 1);
    }
    const cx = x.value.codePointAt(0);
    const cy = y.value.codePointAt(0);
    if (cx !== cy) {
      return cx < cy ? -1 : 1;
    }
  }
}

// -1 / 0 / 1, or null when the two values are not comparable
function compare(a, b) {
  if (isNumber(a) && isNumber(b)) {
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) {
      return null;
    }
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (typeof a === 'string' && typeof b === 'string') {
    return compareStrings(a, b);
  }
  return null;
}

// No g or y flag: the regex keeps no state between records.
function regex(pattern) {
  try {
    return new RegExp(pattern, 'u');
  } catch (e) {
    throw new Error(`filter: invalid regex for op 'matches': ${JSON.stringify(pattern)} (${e.message})`);
  }
}

// c: the config (op, operand, candidates for 'in', regex for 'matches').
function holds(c, field) {
  const op = c.op;
  const operand = c.operand;
  const missing = field === undefined;
  switch (op) {
    case 'exists':
      return !missing;
    case 'missing':
      return missing;
    case 'ne':
      return missing || !deepEqual(field, operand);
    default:
      break;
  }
  if (missing) {
    return false;
  }
  switch (op) {
    case 'eq':
      return deepEqual(field, operand);
    case 'in':
      return c.candidates.some((candidate) => deepEqual(field, candidate));
    case 'matches':
      return typeof field === 'string' && c.regex.test(field);
    default: {
      const order = compare(field, operand);
      if (order === null) {
        return false;
      }
      return op === 'gt' ? order > 0 : op === 'gte' ? order >= 0 : op === 'lt' ? order < 0 : order <= 0;
    }
  }
}

function config(params) {
  const op = params.op;
  if (!OPS.includes(op)) {
    throw new Error(`filter: unknown op ${JSON.stringify(op)}; valid ops are: ${OPS.join(', ')}`);
  }
  const action = params.action === undefined || params.action === null ? 'keep' : params.action;
  if (action !== 'keep' && action !== 'drop') {
    throw new Error(`filter: unknown action ${JSON.stringify(action)}; valid actions are: keep, drop`);
  }
  const operand = params.value;
  if (op !== 'exists' && op !== 'missing' && operand === undefined) {
    throw new Error(`filter: op '${op}' needs a 'value'`);
  }
  if (op === 'in' && !isList(operand)) {
    throw new Error(`filter: op 'in' needs a list 'value', got ${JSON.stringify(operand)}`);
  }
  if (op === 'matches' && typeof operand !== 'string') {
    throw new Error(`filter: op 'matches' needs a regex string 'value', got ${JSON.stringify(operand)}`);
  }
  return {
    op,
    keep: action === 'keep',
    operand,
    candidates: op === 'in' ? Array.from(operand) : null,
    // compiled here: an invalid pattern fails even records without the field
    regex: op === 'matches' ? regex(operand) : null,
    field: String(params.field).split('.'),
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
  const c = configFor(ctx.params);
  const satisfied = holds(c, lookup(msg.value, c.field));
  const pass = c.keep ? satisfied : !satisfied;
  return pass ? msg : null;
}
