// kafka.mask-field: Kafka Connect's MaskField ($Key / $Value) as a script.
// Replaces top-level fields by the "empty" value of their type: 0 for numbers, false,
// "" for strings, epoch 0 for Date/Time/Timestamp, [] and {} for lists and maps; null
// stays null. With 'replacement', numbers and strings get that value instead, converted
// to the field's type (numbers parse as a decimal and narrow as in Java).
//   - 'fields' is a list, or a comma-separated string as in Kafka; not empty.
//   - Schemaless: the key/value must be a map; a listed field it lacks is added as null.
//   - With a schema: the key/value must be a struct; the schema is unchanged.
//   - A null key/value, bytes, a struct, and with 'replacement' a boolean, date, list or
//     map cannot be masked: an error, as in Kafka.

const PURPOSE = 'mask fields';
const DECIMAL = 'org.apache.kafka.connect.data.Decimal';
const LOGICAL_DATES = ['org.apache.kafka.connect.data.Date', 'org.apache.kafka.connect.data.Time',
  'org.apache.kafka.connect.data.Timestamp'];
const BITS = {int8: 8, int16: 16, int32: 32, int64: 64};

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

function typeName(v) {
  if (v === null || v === undefined) {
    return 'null';
  }
  if (isList(v)) {
    return 'list';
  }
  return isMap(v) ? 'map' : typeof v;
}

function isKeyTarget(params) {
  const t = params.target === undefined || params.target === null ? 'value' : String(params.target);
  if (t !== 'key' && t !== 'value') {
    throw new Error("target must be 'key' or 'value', found '" + t + "'");
  }
  return t === 'key';
}

function checkReplaceNull(params) {
  const r = params['replace.null.with.default'];
  if (r !== undefined && r !== true && String(r).toLowerCase() !== 'true') {
    throw new Error("replace.null.with.default=false is not supported: Catena reads struct fields with their"
      + ' defaults applied and its schemas carry no default values');
  }
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
    throw new Error(name + ' must name at least one field');
  }
  return Array.from(new Set(list));
}

// A replacement string as a number, like Connect's Values.convertToLong/Double: a decimal
// (digits, optional point and exponent) parsed exactly; integers truncate toward zero and
// wrap to the type's width.
function decimalParts(s, replacement) {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(s.trim());
  if (m === null || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    throw new Error('Unable to convert ' + replacement + ' (String) to a number');
  }
  return {neg: m[1] === '-', digits: m[2] + (m[3] || ''), exp: Number(m[4] || 0) - (m[3] || '').length};
}

function replacementInteger(replacement, bits) {
  const p = decimalParts(replacement, replacement);
  let n;
  if (p.exp >= 0) {
    n = BigInt(p.digits || '0') * 10n ** BigInt(p.exp);
  } else {
    const keep = p.digits.length + p.exp;
    n = keep > 0 ? BigInt(p.digits.slice(0, keep)) : 0n;
  }
  return BigInt.asIntN(bits, p.neg ? -n : n);
}

function replacementDouble(replacement) {
  decimalParts(replacement, replacement);
  return Number(replacement.trim());
}

function cannotReplace(what) {
  return new Error('Cannot mask value of type ' + what + ' with custom replacement.');
}

// The mask for a field of a schema (with a schema) or for a value (schemaless).
function mask(value, schema, replacement) {
  if (value === null || value === undefined) {
    return null;
  }
  const type = schema ? schema.type : (typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean'
    : typeof value === 'number' ? (Number.isInteger(value) ? 'int64' : 'float64') : isList(value) ? 'array' : 'map');
  const name = schema && schema.name ? schema.name : null;
  if (LOGICAL_DATES.includes(name)) {
    if (replacement !== null) {
      throw cannotReplace('java.util.Date');
    }
    return 0;
  }
  if (name === DECIMAL) {
    return replacement === null ? 0 : replacementDouble(replacement);
  }
  switch (type) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
      return replacement === null ? 0 : replacementInteger(replacement, BITS[type]);
    case 'float32':
      return replacement === null ? 0 : Math.fround(replacementDouble(replacement));
    case 'float64':
      return replacement === null ? 0 : replacementDouble(replacement);
    case 'string':
      return replacement === null ? '' : replacement;
    case 'boolean':
      if (replacement !== null) {
        throw cannotReplace('Boolean');
      }
      return false;
    case 'array':
      if (replacement !== null) {
        throw cannotReplace('List');
      }
      return [];
    case 'map':
      if (replacement !== null) {
        throw cannotReplace('Map');
      }
      return {};
    default:
      throw new Error('Cannot mask value of type: ' + type);
  }
}

function config(params) {
  checkReplaceNull(params);
  const fields = listParam(params, 'fields');
  const raw = params.replacement;
  const replacement = raw === undefined || raw === null ? null : String(raw);
  if (replacement === '') {
    throw new Error('replacement must not be empty');
  }
  return {fields, replacement, isKey: isKeyTarget(params)};
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
  const {fields, replacement, isKey} = configFor(ctx.params);
  const value = isKey ? msg.key : msg.value;
  const schema = isKey ? msg.keySchema : msg.valueSchema;
  if (schema === null || schema === undefined) {
    if (!isMap(value)) {
      throw new Error('Only Map objects supported in absence of schema for [' + PURPOSE + '], found: ' + typeName(value));
    }
    for (const f of fields) {
      value[f] = mask(has(value, f) ? value[f] : null, null, replacement);
    }
    return msg;
  }
  if (schema.type !== 'struct' || !isMap(value)) {
    throw new Error('Only Struct objects supported for [' + PURPOSE + '], found: ' + typeName(value));
  }
  for (const f of Array.from(schema.fields || [])) {
    if (fields.includes(f.name)) {
      value[f.name] = mask(has(value, f.name) ? value[f.name] : null, f.schema, replacement);
    }
  }
  return msg;
}
