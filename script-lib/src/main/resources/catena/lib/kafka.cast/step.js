// kafka.cast: Kafka Connect's Cast ($Key / $Value) as a script.
// Casts top-level fields, or the whole key/value, to int8, int16, int32, int64, float32,
// float64, boolean or string, with Java's conversions:
//   - numbers narrow as Java casts them (an integer wraps: 300 -> int8 44; a float is
//     truncated and saturated to int, then wrapped); a Decimal truncates;
//   - to boolean: a number is true when its integer part is not 0, a string when it is
//     'true' in any case;
//   - from a string: int types parse strictly (digits with an optional sign, in range),
//     float types parse Java's decimal syntax (NaN, Infinity, exponent, f/d suffix);
//   - to string: integers in decimal, float64/float32 as Java's Double/Float.toString,
//     a Decimal with its scale, Date/Time/Timestamp as ISO 8601 (UTC), bytes in base64;
//   - Date/Time/Timestamp cast to a number become days / milliseconds of day / epoch ms.
// 'spec' is a list or a comma-separated string of 'field:type' pairs, or one type for the
// whole key/value. A null key/value passes unchanged; a field cast on a missing field of a
// schemaless map adds it as null (as Kafka does). With a schema, cast fields get a new
// unnamed schema of the target type (optional if the field was), other fields keep theirs.

const PURPOSE = 'cast types';
const TYPES = ['int8', 'int16', 'int32', 'int64', 'float32', 'float64', 'boolean', 'string', 'bytes', 'array', 'map', 'struct'];
const INPUT = new Set(['int8', 'int16', 'int32', 'int64', 'float32', 'float64', 'boolean', 'string', 'bytes']);
const OUTPUT = new Set(['int8', 'int16', 'int32', 'int64', 'float32', 'float64', 'boolean', 'string']);
const DECIMAL = 'org.apache.kafka.connect.data.Decimal';
const DATE = 'org.apache.kafka.connect.data.Date';
const TIME = 'org.apache.kafka.connect.data.Time';
const TIMESTAMP = 'org.apache.kafka.connect.data.Timestamp';
const DAY_MS = 86400000;
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
  if (v === undefined || v === null) {
    return [];
  }
  if (isList(v)) {
    return Array.from(v, String);
  }
  const s = String(v).trim();
  return s === '' ? [] : s.split(/\s*,\s*/);
}

// Java's String.split: no match gives the whole string; trailing empty strings are removed.
function javaSplit(s, sep) {
  if (!s.includes(sep)) {
    return [s];
  }
  const parts = s.split(sep);
  while (parts.length > 0 && parts[parts.length - 1] === '') {
    parts.pop();
  }
  return parts;
}

function outputType(name) {
  const t = name.toLowerCase();
  if (!TYPES.includes(t)) {
    throw new Error('Invalid type found in casting spec: ' + name);
  }
  if (!OUTPUT.has(t)) {
    throw new Error('Cast transformation does not support casting to ' + t.toUpperCase()
      + '; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]');
  }
  return t;
}

function parseSpec(list) {
  if (list.length === 0) {
    throw new Error('Must specify at least one field to cast (spec)');
  }
  const casts = new Map();
  let whole = null;
  for (const mapping of list) {
    const parts = javaSplit(mapping, ':');
    if (parts.length > 2 || parts.length === 0) {
      throw new Error('Invalid cast mapping: ' + mapping + " (expected 'field:type' or one type)");
    }
    if (parts.length === 1) {
      whole = outputType(parts[0].trim());
    } else {
      casts.set(parts[0].trim(), outputType(parts[1].trim()));
    }
  }
  if (whole !== null && list.length > 1) {
    throw new Error('Cast transformations that specify a type to cast the entire value to may only specify a single'
      + ' cast in their spec');
  }
  return {casts, whole};
}

// ---- Java number semantics -------------------------------------------------------------

// (int) / (long) of a double: truncated, saturated, NaN -> 0.
function saturate(d, bits) {
  if (Number.isNaN(d)) {
    return 0n;
  }
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -(1n << BigInt(bits - 1));
  if (d >= Number(max)) {
    return max;
  }
  if (d <= Number(min)) {
    return min;
  }
  return BigInt(Math.trunc(d));
}

// Number.byteValue() .. longValue() for a value of a kind: integral (Byte..Long), float
// (Float/Double: via (int) or (long)), decimal (BigDecimal: truncated, then wrapped).
function integral(v, kind, bits) {
  let n;
  if (kind === 'integral') {
    n = BigInt(v);
  } else if (kind === 'float') {
    n = saturate(v, bits === 64 ? 64 : 32);
  } else {
    n = Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  }
  return BigInt.asIntN(bits, n);
}

function outOfRange(value) {
  return new Error('Value (' + value + ') was out of range for requested data type');
}

function parseJavaInteger(s, bits) {
  if (!/^[+-]?[0-9]+$/.test(s)) {
    throw outOfRange(s);
  }
  const n = BigInt(s);
  if (n !== BigInt.asIntN(bits, n)) {
    throw outOfRange(s);
  }
  return n;
}

// Float.parseFloat / Double.parseDouble: surrounding whitespace and control characters are
// ignored; NaN, Infinity, decimal digits with an exponent and an f/F/d/D suffix.
function parseJavaFloat(s) {
  const t = s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const m = /^([+-]?)(NaN|Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)[fFdD]?$/.exec(t);
  if (m === null || (/[fFdD]$/.test(t) && /(NaN|Infinity)/.test(t))) {
    throw outOfRange(s);
  }
  const d = m[2] === 'NaN' ? NaN : m[2] === 'Infinity' ? Infinity : Number(m[2]);
  return m[1] === '-' ? -d : d;
}

// Java's Double.toString / Float.toString: the shortest digits that identify the value,
// plain from 1e-3 to 1e7, else computerized scientific notation (1.0E7).
function shortestDigits(d, isFloat) {
  if (isFloat) {
    for (let p = 1; p <= 9; p++) {
      const s = d.toPrecision(p);
      if (Math.fround(Number(s)) === d) {
        return Number(s).toExponential();
      }
    }
  }
  return d.toExponential();
}

function javaFloatString(d, isFloat) {
  if (Number.isNaN(d)) {
    return 'NaN';
  }
  if (d === Infinity || d === -Infinity) {
    return d > 0 ? 'Infinity' : '-Infinity';
  }
  if (d === 0) {
    return Object.is(d, -0) ? '-0.0' : '0.0';
  }
  const sign = d < 0 ? '-' : '';
  const [mant, expStr] = shortestDigits(Math.abs(d), isFloat).split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expStr);
  const a = Math.abs(d);
  if (a >= 1e-3 && a < 1e7) {
    if (exp >= 0) {
      const intPart = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, '0');
      const frac = digits.length > exp + 1 ? digits.slice(exp + 1) : '0';
      return sign + intPart + '.' + frac;
    }
    return sign + '0.' + '0'.repeat(-exp - 1) + digits;
  }
  return sign + digits[0] + '.' + (digits.length > 1 ? digits.slice(1) : '0') + 'E' + exp;
}

// BigDecimal.toString of a Decimal read as a double, at the schema's scale.
function decimalString(d, scale) {
  if (!Number.isFinite(d)) {
    return String(d);
  }
  let unscaled;
  if (scale >= 0) {
    unscaled = BigInt(d.toFixed(Math.min(scale, 100)).replace('.', '')) * 10n ** BigInt(Math.max(0, scale - 100));
  } else {
    unscaled = BigInt(Math.round(d / 10 ** -scale));
  }
  const neg = unscaled < 0n;
  const abs = (neg ? -unscaled : unscaled).toString();
  const adjusted = abs.length - 1 - scale;
  const sign = neg ? '-' : '';
  if (scale >= 0 && adjusted >= -6) {
    if (scale === 0) {
      return sign + abs;
    }
    const padded = abs.padStart(scale + 1, '0');
    return sign + padded.slice(0, padded.length - scale) + '.' + padded.slice(padded.length - scale);
  }
  const mant = abs.length > 1 ? abs[0] + '.' + abs.slice(1) : abs;
  return sign + mant + 'E' + (adjusted >= 0 ? '+' : '') + adjusted;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes) {
  const b = Array.from(bytes, x => x & 0xff);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] || 0) << 8) | (b[i + 2] || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
      + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
  }
  return out;
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}

// Connect's Values.dateFormatFor: a time before 1970-01-02 as a time of day, a midnight as a
// date, anything else as a timestamp; in UTC.
function dateString(ms) {
  const d = new Date(ms);
  const time = pad(d.getUTCHours(), 2) + ':' + pad(d.getUTCMinutes(), 2) + ':' + pad(d.getUTCSeconds(), 2) + '.'
    + pad(d.getUTCMilliseconds(), 3) + 'Z';
  const date = pad(d.getUTCFullYear(), 4) + '-' + pad(d.getUTCMonth() + 1, 2) + '-' + pad(d.getUTCDate(), 2);
  if (ms < DAY_MS) {
    return time;
  }
  return ms % DAY_MS === 0 ? date : date + 'T' + time;
}

// ---- the cast --------------------------------------------------------------------------

function inferType(v) {
  if (typeof v === 'string') {
    return 'string';
  }
  if (typeof v === 'boolean') {
    return 'boolean';
  }
  if (typeof v === 'number') {
    return Number.isInteger(v) ? 'int64' : 'float64';
  }
  return isList(v) ? 'array' : 'map';
}

function kindOf(type, schemaName) {
  if (schemaName === DECIMAL) {
    return 'decimal';
  }
  if (type === 'float32' || type === 'float64') {
    return 'float';
  }
  return ['int8', 'int16', 'int32', 'int64'].includes(type) ? 'integral' : type;
}

function castValue(schema, value, target) {
  if (value === null || value === undefined) {
    return null;
  }
  const type = schema ? schema.type : inferType(value);
  if (!INPUT.has(type)) {
    throw new Error('Cast transformation does not support casting from ' + type.toUpperCase()
      + '; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES]');
  }
  const name = schema && schema.name ? schema.name : null;
  let kind = kindOf(type, name);
  let v = value;
  if (name === DATE || name === TIME || name === TIMESTAMP) {
    if (target === 'string') {
      return dateString(Number(v));
    }
    if (name === DATE) {
      v = Math.floor(Number(v) / DAY_MS);
    }
    kind = 'integral';
  }
  switch (target) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
      if (kind === 'boolean') {
        return v ? 1 : 0;
      }
      if (kind === 'string') {
        return parseJavaInteger(v, BITS[target]);
      }
      if (kind === 'bytes') {
        throw new Error('Unexpected type in Cast transformation: bytes to ' + target);
      }
      return integral(v, kind, BITS[target]);
    case 'float32':
    case 'float64': {
      let d;
      if (kind === 'boolean') {
        d = v ? 1 : 0;
      } else if (kind === 'string') {
        d = parseJavaFloat(v);
      } else if (kind === 'bytes') {
        throw new Error('Unexpected type in Cast transformation: bytes to ' + target);
      } else {
        d = Number(v);
      }
      return target === 'float32' ? Math.fround(d) : d;
    }
    case 'boolean':
      if (kind === 'boolean') {
        return v;
      }
      if (kind === 'string') {
        return v.toLowerCase() === 'true';
      }
      if (kind === 'bytes') {
        throw new Error('Unexpected type in Cast transformation: bytes to boolean');
      }
      return integral(v, kind === 'float' ? 'float' : kind, 64) !== 0n;
    default:
      if (kind === 'string') {
        return v;
      }
      if (kind === 'boolean') {
        return v ? 'true' : 'false';
      }
      if (kind === 'bytes') {
        return base64(v);
      }
      if (kind === 'integral') {
        return BigInt(v).toString();
      }
      if (kind === 'decimal') {
        return decimalString(v, Number(schema.parameters.scale));
      }
      return javaFloatString(v, type === 'float32');
  }
}

function castSchema(schema, spec) {
  const out = {type: spec.whole === null ? 'struct' : spec.whole, optional: schema.optional === true};
  for (const k of ['name', 'version', 'doc', 'parameters']) {
    if (schema[k] !== undefined && schema[k] !== null) {
      out[k] = schema[k];
    }
  }
  if (spec.whole === null) {
    out.fields = Array.from(schema.fields || [], f => (spec.casts.has(f.name)
      ? {name: f.name, schema: {type: spec.casts.get(f.name), optional: f.schema.optional === true}}
      : {name: f.name, schema: f.schema}));
  }
  return out;
}

function config(params) {
  checkReplaceNull(params);
  const spec = parseSpec(listParam(params, 'spec'));
  return {spec, isKey: isKeyTarget(params)};
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
  const {spec, isKey} = configFor(ctx.params);
  const value = isKey ? msg.key : msg.value;
  const schema = isKey ? msg.keySchema : msg.valueSchema;
  if (value === null || value === undefined) {
    return msg;
  }
  let result = value;
  let resultSchema = null;
  if (schema === null || schema === undefined) {
    if (spec.whole !== null) {
      result = castValue(null, value, spec.whole);
    } else {
      if (!isMap(value)) {
        throw new Error('Only Map objects supported in absence of schema for [' + PURPOSE + '], found: ' + typeName(value));
      }
      for (const [field, type] of spec.casts) {
        value[field] = castValue(null, has(value, field) ? value[field] : null, type);
      }
    }
  } else {
    if (spec.whole === null && (schema.type !== 'struct' || !isMap(value))) {
      throw new Error('Only Struct objects supported for [' + PURPOSE + '], found: ' + typeName(value));
    }
    resultSchema = castSchema(schema, spec);
    if (spec.whole !== null) {
      result = castValue(schema, value, spec.whole);
    } else {
      for (const f of Array.from(schema.fields || [])) {
        if (spec.casts.has(f.name)) {
          value[f.name] = castValue(f.schema, has(value, f.name) ? value[f.name] : null, spec.casts.get(f.name));
        }
      }
    }
  }
  if (isKey) {
    msg.key = result;
    if (resultSchema !== null) {
      msg.keySchema = resultSchema;
    }
  } else {
    msg.value = result;
    if (resultSchema !== null) {
      msg.valueSchema = resultSchema;
    }
  }
  return msg;
}
