// kafka.timestamp-converter: Kafka Connect's TimestampConverter ($Key / $Value) as a script.
// Converts a timestamp field, or the whole key/value, between a string (parsed and
// formatted with a SimpleDateFormat pattern in UTC), a unix epoch number (with
// unix.precision), and Connect's Date, Time and Timestamp (epoch milliseconds in Catena).
//   - target.type: string, unix, Date, Time or Timestamp (as written). 'format' is required
//     for string.
//   - The input's kind comes from its schema (Timestamp/Date/Time names, a string, an int64)
//     or, without a schema, from the value (a string or an integer; anything else is an
//     error). Date keeps the day (midnight UTC), Time the time of day (on 1970-01-01).
//   - unix.precision: seconds, milliseconds (default), microseconds or nanoseconds, for unix
//     input and output; seconds truncate toward zero.
//   - Schemaless: a missing field is added as null. With a schema: the field (or the whole
//     schema) gets the target's schema, optional as the input was.
//   - 'yy' parses two-digit years into the 100 years that start 80 years before now (ctx.now()),
//     as Java does.

const PURPOSE = 'converting timestamp formats';
const TARGETS = ['string', 'unix', 'Date', 'Time', 'Timestamp'];
const PRECISIONS = ['seconds', 'milliseconds', 'microseconds', 'nanoseconds'];
const LOGICAL = {
  Date: 'org.apache.kafka.connect.data.Date',
  Time: 'org.apache.kafka.connect.data.Time',
  Timestamp: 'org.apache.kafka.connect.data.Timestamp',
};

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

// ---- java.text.SimpleDateFormat in UTC, English names ------------------------------------
// Pattern letters G y M L d H k K h m s S E u a D F z Z X and quoted text ('' is a quote).
// Formatting is exact for years 1..9999. Parsing is lenient like Java's: numbers may have
// more or fewer digits (exactly 'count' when the next pattern item is also a field),
// out-of-range values roll over (month 13 is January of the next year), text after the
// pattern is ignored. Not supported: week letters w, W, Y (an error); dates before the
// Gregorian reform (1582-10-15) use the proleptic Gregorian calendar.

const SDF_LETTERS = 'GyMLdHkKhmsSEuaDFzZXwWY';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_MS = 86400000;

function compilePattern(pattern) {
  const items = [];
  const text = t => {
    const last = items[items.length - 1];
    if (last && last.text !== undefined) {
      last.text += t;
    } else {
      items.push({text: t});
    }
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        text("'");
        i += 2;
        continue;
      }
      let j = i + 1;
      let quoted = '';
      for (;;) {
        if (j >= pattern.length) {
          throw new Error('Unterminated quote in date format pattern: ' + pattern);
        }
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            quoted += "'";
            j += 2;
            continue;
          }
          break;
        }
        quoted += pattern[j++];
      }
      text(quoted);
      i = j + 1;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (!SDF_LETTERS.includes(c)) {
        throw new Error("Illegal pattern character '" + c + "' in date format pattern: " + pattern);
      }
      if (c === 'w' || c === 'W' || c === 'Y') {
        throw new Error("Pattern letter '" + c + "' (week based) is not supported by Catena: " + pattern);
      }
      let j = i;
      while (j < pattern.length && pattern[j] === c) {
        j++;
      }
      items.push({letter: c, count: j - i});
      i = j;
    } else {
      text(c);
      i++;
    }
  }
  return items;
}

function floorDiv(a, b) {
  return Math.floor(a / b);
}

// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12).
function daysFromCivil(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = floorDiv(yy, 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days) {
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return {year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d};
}

function zeroPad(n, width) {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? '-' + s : s;
}

function formatDate(items, millis) {
  const days = floorDiv(millis, DAY_MS);
  const ms = millis - days * DAY_MS;
  const {year, month, day} = civilFromDays(days);
  const hour = Math.floor(ms / 3600000);
  const dow = ((days % 7) + 7 + 3) % 7; // 0 = Monday; 1970-01-01 was a Thursday
  const dayOfYear = days - daysFromCivil(year, 1, 1) + 1;
  let out = '';
  for (const it of items) {
    if (it.text !== undefined) {
      out += it.text;
      continue;
    }
    const n = it.count;
    switch (it.letter) {
      case 'G': out += year > 0 ? 'AD' : 'BC'; break;
      case 'y': out += n === 2 ? zeroPad(((year % 100) + 100) % 100, 2) : zeroPad(year, n); break;
      case 'M':
      case 'L': out += n >= 4 ? MONTHS[month - 1] : n === 3 ? MONTHS[month - 1].slice(0, 3) : zeroPad(month, n); break;
      case 'd': out += zeroPad(day, n); break;
      case 'H': out += zeroPad(hour, n); break;
      case 'k': out += zeroPad(hour === 0 ? 24 : hour, n); break;
      case 'K': out += zeroPad(hour % 12, n); break;
      case 'h': out += zeroPad(hour % 12 === 0 ? 12 : hour % 12, n); break;
      case 'm': out += zeroPad(Math.floor(ms / 60000) % 60, n); break;
      case 's': out += zeroPad(Math.floor(ms / 1000) % 60, n); break;
      case 'S': out += zeroPad(ms % 1000, n); break;
      case 'E': out += n >= 4 ? DAYS[dow] : DAYS[dow].slice(0, 3); break;
      case 'u': out += zeroPad(dow + 1, n); break;
      case 'a': out += hour < 12 ? 'AM' : 'PM'; break;
      case 'D': out += zeroPad(dayOfYear, n); break;
      case 'F': out += zeroPad(Math.floor((day - 1) / 7) + 1, n); break;
      case 'z': out += n >= 4 ? 'Coordinated Universal Time' : 'UTC'; break;
      case 'Z': out += '+0000'; break;
      default: out += 'Z'; break; // X: ISO 8601 zone, Z for UTC
    }
  }
  return out;
}

function matchName(text, pos, names) {
  let best = null;
  for (let i = 0; i < names.length; i++) {
    for (const candidate of [names[i], names[i].slice(0, 3)]) {
      if (text.substr(pos, candidate.length).toLowerCase() === candidate.toLowerCase()
        && (best === null || candidate.length > best.length)) {
        best = {index: i, length: candidate.length};
      }
    }
  }
  return best;
}

function parseZone(text, pos) {
  const rest = text.slice(pos);
  let m = /^(?:GMT|UTC)?([+-])([0-9]{2}):?([0-9]{2})?/.exec(rest);
  if (m !== null) {
    const minutes = Number(m[2]) * 60 + Number(m[3] || 0);
    return {offset: (m[1] === '-' ? -1 : 1) * minutes * 60000, length: m[0].length};
  }
  m = /^(Z|UTC|GMT|Coordinated Universal Time)/.exec(rest);
  if (m !== null) {
    return {offset: 0, length: m[0].length};
  }
  return null;
}

// Parses text with a compiled pattern; null when it does not match (Java's ParseException).
// twoDigitYearStart: the year from which 'yy' years count (Java: 80 years before now).
function parseDate(items, text, twoDigitYearStart) {
  const f = {year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millis: 0, offset: 0, pm: null, h12: null,
    dayOfYear: null, bc: false};
  let pos = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.text !== undefined) {
      if (!text.startsWith(it.text, pos)) {
        return null;
      }
      pos += it.text.length;
      continue;
    }
    while (text[pos] === ' ' || text[pos] === '\t') {
      pos++;
    }
    if (pos >= text.length) {
      return null;
    }
    const c = it.letter;
    if (c === 'M' && it.count >= 3 || c === 'L' && it.count >= 3 || c === 'E' || c === 'a' || c === 'G') {
      const names = c === 'E' ? DAYS : c === 'a' ? ['AM', 'PM'] : c === 'G' ? ['BC', 'AD'] : MONTHS;
      const found = c === 'a' || c === 'G'
        ? (['AM', 'PM', 'BC', 'AD'].includes(text.substr(pos, 2).toUpperCase())
          ? {index: names.indexOf(text.substr(pos, 2).toUpperCase()), length: 2} : null)
        : matchName(text, pos, names);
      if (found === null || found.index < 0) {
        return null;
      }
      pos += found.length;
      if (c === 'M' || c === 'L') {
        f.month = found.index + 1;
      } else if (c === 'a') {
        f.pm = found.index === 1;
      } else if (c === 'G') {
        f.bc = found.index === 0;
      }
      continue;
    }
    if (c === 'z' || c === 'Z' || c === 'X') {
      const zone = parseZone(text, pos);
      if (zone === null) {
        return null;
      }
      f.offset = zone.offset;
      pos += zone.length;
      continue;
    }
    const next = items[i + 1];
    const abutting = next !== undefined && next.text === undefined;
    let end = pos;
    if (text[end] === '-') {
      end++;
    }
    const digitsStart = end;
    while (end < text.length && text[end] >= '0' && text[end] <= '9' && (!abutting || end - pos < it.count)) {
      end++;
    }
    if (end === digitsStart) {
      return null;
    }
    let n = Number(text.slice(pos, end));
    const width = end - pos;
    pos = end;
    switch (c) {
      case 'y':
        if (it.count <= 2 && width === 2) {
          n += Math.floor(twoDigitYearStart / 100) * 100;
          if (n < twoDigitYearStart) {
            n += 100;
          }
        }
        f.year = n;
        break;
      case 'M': case 'L': f.month = n; break;
      case 'd': f.day = n; break;
      case 'H': f.hour = n; break;
      case 'k': f.hour = n === 24 ? 0 : n; break;
      case 'K': case 'h': f.h12 = n % 12; break;
      case 'm': f.minute = n; break;
      case 's': f.second = n; break;
      case 'S': f.millis = n; break;
      case 'D': f.dayOfYear = n; break;
      default: break; // u, F: read and ignored
    }
  }
  const year = f.bc ? 1 - f.year : f.year;
  const monthIndex = f.month - 1;
  const y = year + floorDiv(monthIndex, 12);
  const m = monthIndex - floorDiv(monthIndex, 12) * 12 + 1;
  const days = f.dayOfYear !== null ? daysFromCivil(year, 1, 1) + f.dayOfYear - 1 : daysFromCivil(y, m, 1) + f.day - 1;
  const hour = f.h12 !== null ? f.h12 + (f.pm ? 12 : 0) : f.hour;
  return days * DAY_MS + hour * 3600000 + f.minute * 60000 + f.second * 1000 + f.millis - f.offset;
}

// ---- the conversion --------------------------------------------------------------------

function config(params) {
  checkReplaceNull(params);
  const target = String(params['target.type']);
  if (!TARGETS.includes(target)) {
    throw new Error("target.type must be one of string, unix, Date, Time, Timestamp; found '" + target + "'");
  }
  const precision = params['unix.precision'] === undefined || params['unix.precision'] === null
    ? 'milliseconds' : String(params['unix.precision']);
  if (!PRECISIONS.includes(precision)) {
    throw new Error("unix.precision must be one of seconds, milliseconds, microseconds, nanoseconds; found '"
      + precision + "'");
  }
  const pattern = params.format === undefined || params.format === null ? '' : String(params.format);
  if (target === 'string' && pattern.trim() === '') {
    throw new Error('TimestampConverter requires format option to be specified when using string timestamps');
  }
  const format = pattern.trim() === '' ? null : compilePattern(pattern);
  const field = params.field === undefined || params.field === null ? '' : String(params.field);
  return {target, precision, pattern, format, field, isKey: isKeyTarget(params)};
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

// The year from which 'yy' years count: as in Java, 80 years before now. Not cached: it
// moves with the clock.
function twoDigitYearStart(ctx) {
  return civilFromDays(floorDiv(Number(ctx.now()), DAY_MS)).year - 80;
}

function typeSchema(target, optional) {
  if (target === 'string') {
    return {type: 'string', optional};
  }
  if (target === 'unix') {
    return {type: 'int64', optional};
  }
  return {type: target === 'Timestamp' ? 'int64' : 'int32', optional, name: LOGICAL[target], version: 1};
}

function typeFromSchema(schema) {
  for (const t of ['Timestamp', 'Date', 'Time']) {
    if (schema.name === LOGICAL[t]) {
      return t;
    }
  }
  if (schema.type === 'string') {
    return 'string';
  }
  if (schema.type === 'int64') {
    return 'unix';
  }
  throw new Error('Schema ' + schema.type + ' does not correspond to a known timestamp type format');
}

function inferType(v) {
  if (typeof v === 'string') {
    return 'string';
  }
  if (typeof v === 'number' && Number.isInteger(v)) {
    return 'unix';
  }
  throw new Error('TimestampConverter does not support ' + typeName(v) + ' objects as timestamps');
}

const PER_MILLI = {seconds: null, milliseconds: 1n, microseconds: 1000n, nanoseconds: 1000000n};

function toMillis(c, ctx, value, type) {
  if (type === 'string') {
    if (typeof value !== 'string') {
      throw new Error('Expected string timestamp to be a String, but found ' + typeName(value));
    }
    if (c.format === null) {
      throw new Error('A string timestamp needs the format option to be parsed');
    }
    const ms = parseDate(c.format, value, twoDigitYearStart(ctx));
    if (ms === null) {
      throw new Error('Could not parse timestamp: value (' + value + ') does not match pattern (' + c.pattern + ')');
    }
    return ms;
  }
  if (type === 'unix') {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new Error('Expected Unix timestamp to be a Long, but found ' + typeName(value));
    }
    const n = BigInt(value);
    if (c.precision === 'seconds') {
      return Number(n * 1000n);
    }
    return Number(n / PER_MILLI[c.precision]);
  }
  return Number(value);
}

function fromMillis(c, ms) {
  switch (c.target) {
    case 'string':
      return formatDate(c.format, ms);
    case 'unix':
      if (c.precision === 'seconds') {
        return BigInt(ms) / 1000n;
      }
      return BigInt(ms) * PER_MILLI[c.precision];
    case 'Date':
      return floorDiv(ms, DAY_MS) * DAY_MS;
    case 'Time':
      return ms - floorDiv(ms, DAY_MS) * DAY_MS;
    default:
      return ms;
  }
}

function convert(c, ctx, value, type) {
  if (value === null || value === undefined) {
    return null;
  }
  return fromMillis(c, toMillis(c, ctx, value, type === null ? inferType(value) : type));
}

function set(msg, isKey, value, schema) {
  if (isKey) {
    msg.key = value;
    if (schema !== undefined) {
      msg.keySchema = schema;
    }
  } else {
    msg.value = value;
    if (schema !== undefined) {
      msg.valueSchema = schema;
    }
  }
}

export function transform(msg, ctx) {
  const c = configFor(ctx.params);
  const isKey = c.isKey;
  const value = isKey ? msg.key : msg.value;
  const schema = isKey ? msg.keySchema : msg.valueSchema;
  if (schema === null || schema === undefined) {
    if (value === null || value === undefined || c.field === '') {
      set(msg, isKey, convert(c, ctx, value, null), undefined);
      return msg;
    }
    if (!isMap(value)) {
      throw new Error('Only Map objects supported in absence of schema for [' + PURPOSE + '], found: ' + typeName(value));
    }
    value[c.field] = convert(c, ctx, has(value, c.field) ? value[c.field] : null, null);
    return msg;
  }
  if (c.field === '') {
    const type = typeFromSchema(schema);
    set(msg, isKey, convert(c, ctx, value, type), typeSchema(c.target, schema.optional === true));
    return msg;
  }
  if (value !== null && value !== undefined && !isMap(value)) {
    throw new Error('Only Struct objects supported for [' + PURPOSE + '], found: ' + typeName(value));
  }
  if (schema.type !== 'struct') {
    throw new Error('Cannot list fields on non-struct type ' + schema.type);
  }
  const updated = {type: 'struct', optional: schema.optional === true};
  for (const k of ['name', 'version', 'doc', 'parameters']) {
    if (schema[k] !== undefined && schema[k] !== null) {
      updated[k] = schema[k];
    }
  }
  updated.fields = Array.from(schema.fields || [], f => (f.name === c.field
    ? {name: f.name, schema: typeSchema(c.target, f.schema.optional === true)} : {name: f.name, schema: f.schema}));
  if (value !== null && value !== undefined) {
    for (const f of Array.from(schema.fields || [])) {
      if (f.name === c.field) {
        value[f.name] = convert(c, ctx, has(value, f.name) ? value[f.name] : null, typeFromSchema(f.schema));
      }
    }
  }
  set(msg, isKey, value, updated);
  return msg;
}
