// kafka.insert-header: Kafka Connect's InsertHeader as a script.
// Sets header 'header' to 'value.literal', parsed as Connect's Values.parseString does:
// 'true' / 'false' become booleans, 'null' null, integers and decimals numbers, ISO 8601
// dates (2024-03-05), times (10:20:30.123Z) and timestamps (2024-03-05T10:20:30.123Z) epoch
// milliseconds, [a, b] lists and {k: v} maps of such values (strings in double quotes);
// anything else stays the literal string. A header of that name is replaced (Kafka adds a
// second one).

function isList(v) {
  if (Array.isArray(v)) {
    return true;
  }
  return v !== null && typeof v === 'object' && typeof v.length === 'number'
    && !Object.keys(v).includes('length');
}

function kafkaString(v) {
  if (typeof v === 'boolean') {
    return v ? 'true' : 'false';
  }
  if (v !== null && typeof v === 'object') {
    throw new Error('value.literal must be a string, found a ' + (isList(v) ? 'list' : 'map'));
  }
  return String(v);
}

const DAY_MS = 86400000;

function daysFromCivil(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

// ISO 8601 forms Connect recognises, read leniently as Java's SimpleDateFormat does.
function temporal(token) {
  const t = token.replace(/\\:/g, ':');
  let m;
  if (t.length === 10 && (m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(t))) {
    return daysFromCivil(Number(m[1]), 1, 1) * DAY_MS + monthDay(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if (t.length === 13 && (m = /^([0-9]{2}):([0-9]{2}):([0-9]{2})\.([0-9]{3})Z$/.exec(t))) {
    return time(m[1], m[2], m[3], m[4]);
  }
  if (t.length === 24 && (m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})\.([0-9]{3})Z$/.exec(t))) {
    return daysFromCivil(Number(m[1]), 1, 1) * DAY_MS + monthDay(Number(m[1]), Number(m[2]), Number(m[3]))
      + time(m[4], m[5], m[6], m[7]);
  }
  return undefined;
}

// Milliseconds from January 1st to a month and day, rolling over like a lenient calendar.
function monthDay(year, month, day) {
  const y = year + Math.floor((month - 1) / 12);
  const mo = ((month - 1) % 12 + 12) % 12 + 1;
  return (daysFromCivil(y, mo, 1) - daysFromCivil(year, 1, 1) + day - 1) * DAY_MS;
}

function time(h, mi, s, ms) {
  return Number(h) * 3600000 + Number(mi) * 60000 + Number(s) * 1000 + Number(ms);
}

// A number as Connect parses it (a BigDecimal): integral values are integers, others doubles.
function number(token) {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(token);
  if (m === null || (m[2] === '' && !m[3])) {
    return undefined;
  }
  const frac = (m[3] || '').replace(/0+$/, '');
  const exp = Number(m[4] || 0);
  if (frac.length <= exp) {
    const digits = BigInt((m[2] || '0') + frac) * 10n ** BigInt(exp - frac.length);
    const n = m[1] === '-' ? -digits : digits;
    if (n === BigInt.asIntN(64, n)) {
      return n;
    }
  }
  return Number(token);
}

// A small parser for embedded values: "strings", numbers, true, false, null, [..], {..}.
function parseEmbedded(s) {
  let pos = 0;
  const ws = () => {
    while (pos < s.length && /\s/.test(s[pos])) {
      pos++;
    }
  };
  const fail = () => {
    throw new SyntaxError('not a Connect literal');
  };
  const value = () => {
    ws();
    const c = s[pos];
    if (c === '[') {
      pos++;
      const out = [];
      ws();
      if (s[pos] === ']') {
        pos++;
        return out;
      }
      for (;;) {
        out.push(value());
        ws();
        if (s[pos] === ',') {
          pos++;
        } else if (s[pos] === ']') {
          pos++;
          return out;
        } else {
          fail();
        }
      }
    }
    if (c === '{') {
      pos++;
      const out = {};
      ws();
      if (s[pos] === '}') {
        pos++;
        return out;
      }
      for (;;) {
        const k = value();
        if (k === null) {
          fail();
        }
        ws();
        if (s[pos] !== ':') {
          fail();
        }
        pos++;
        out[String(k)] = value();
        ws();
        if (s[pos] === ',') {
          pos++;
        } else if (s[pos] === '}') {
          pos++;
          return out;
        } else {
          fail();
        }
      }
    }
    if (c === '"') {
      let out = '';
      pos++;
      while (pos < s.length && s[pos] !== '"') {
        if (s[pos] === '\\' && pos + 1 < s.length) {
          pos++;
        }
        out += s[pos++];
      }
      if (s[pos] !== '"') {
        fail();
      }
      pos++;
      const t = temporal(out);
      return t === undefined ? out : t;
    }
    const start = pos;
    while (pos < s.length && !/[\s,:\[\]{}"]/.test(s[pos])) {
      pos++;
    }
    const token = s.slice(start, pos);
    if (token === 'true' || token === 'false') {
      return token === 'true';
    }
    if (token === 'null') {
      return null;
    }
    const n = number(token);
    if (n === undefined) {
      fail();
    }
    return n;
  };
  const v = value();
  ws();
  if (pos !== s.length) {
    fail();
  }
  return v;
}

function parseLiteral(s) {
  if (s === '') {
    return '';
  }
  const t = s.trim();
  if (t === 'null') {
    return null;
  }
  if (t === 'true' || t === 'false') {
    return t === 'true';
  }
  if (t.startsWith('[') || t.startsWith('{')) {
    try {
      return parseEmbedded(t);
    } catch (e) {
      if (!(e instanceof SyntaxError)) {
        throw e;
      }
      return s;
    }
  }
  if (/^[0-9]/.test(t)) {
    const ts = temporal(t);
    if (ts !== undefined) {
      return ts;
    }
  }
  if (/^[0-9+-]/.test(t)) {
    const n = number(t);
    if (n !== undefined) {
      return n;
    }
  }
  return s;
}

// The parsed value may be a list or a map: it is shared by every record, which is safe
// because headers.set copies it into the record and nothing here changes it.
function config(params) {
  const header = params.header;
  const literal = params['value.literal'];
  if (header === undefined || header === null) {
    throw new Error('header must be set');
  }
  if (literal === undefined || literal === null) {
    throw new Error('value.literal must be set');
  }
  return {header: String(header), value: parseLiteral(kafkaString(literal))};
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
  msg.headers.set(c.header, c.value);
  return msg;
}
