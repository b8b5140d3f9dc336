// kafka.timestamp-router: Kafka Connect's TimestampRouter as a script.
// Sets the topic from topic.format, replacing every ${topic} by the record's topic and then
// every ${timestamp} by its timestamp formatted with timestamp.format (a SimpleDateFormat
// pattern, in UTC). A record without a timestamp is an error.

// ---- java.text.SimpleDateFormat in UTC, English names ------------------------------------
// Pattern letters G y M L d H k K h m s S E u a D F z Z X and quoted text ('' is a quote).
// Formatting is exact for years 1..9999. Not supported: week letters w, W, Y (an error);
// dates before the Gregorian reform (1582-10-15) use the proleptic Gregorian calendar.

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

function config(params) {
  const topicFormat = params['topic.format'] === undefined || params['topic.format'] === null
    ? '${topic}-${timestamp}' : String(params['topic.format']);
  const pattern = params['timestamp.format'] === undefined || params['timestamp.format'] === null
    ? 'yyyyMMdd' : String(params['timestamp.format']);
  return {topicFormat, format: compilePattern(pattern)};
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
  const {topicFormat, format} = configFor(ctx.params);
  if (msg.timestamp === null || msg.timestamp === undefined) {
    throw new Error('Timestamp missing on record: ' + msg.topic);
  }
  const formatted = formatDate(format, Number(msg.timestamp));
  msg.topic = topicFormat.split('${topic}').join(msg.topic).split('${timestamp}').join(formatted);
  return msg;
}
