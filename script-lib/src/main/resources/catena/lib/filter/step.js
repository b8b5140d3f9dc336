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
const regexCache = new Map();

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

function lookup(root, path) {
  let node = root;
  for (const part of String(path).split('.')) {
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

function regex(pattern) {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch (e) {
      throw new Error(`filter: invalid regex for op 'matches': ${JSON.stringify(pattern)} (${e.message})`);
    }
    regexCache.set(pattern, re);
  }
  return re;
}

function holds(op, field, operand) {
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
      return Array.from(operand).some((candidate) => deepEqual(field, candidate));
    case 'matches':
      return typeof field === 'string' && regex(operand).test(field);
    default: {
      const c = compare(field, operand);
      if (c === null) {
        return false;
      }
      return op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
    }
  }
}

export function transform(msg, ctx) {
  const params = ctx.params;
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
  if (op === 'matches') {
    if (typeof operand !== 'string') {
      throw new Error(`filter: op 'matches' needs a regex string 'value', got ${JSON.stringify(operand)}`);
    }
    regex(operand); // report an invalid pattern even on records without the field
  }
  const satisfied = holds(op, lookup(msg.value, params.field), operand);
  const pass = action === 'keep' ? satisfied : !satisfied;
  return pass ? msg : null;
}
