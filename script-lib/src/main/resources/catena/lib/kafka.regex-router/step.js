// kafka.regex-router: Kafka Connect's RegexRouter as a script.
// When the whole topic matches 'regex', the first match in it is replaced by 'replacement'
// (Java's Matcher.replaceFirst): $1 or ${name} insert a group (a group that did not take
// part inserts nothing; $12 means group 12 only if there are 12 groups), \x is x. A topic
// that does not match is unchanged. The regex runs in JavaScript's engine: use the syntax
// Java, JavaScript and Python share.

function expand(replacement, m, groupCount) {
  let out = '';
  let i = 0;
  while (i < replacement.length) {
    const c = replacement[i];
    if (c === '\\') {
      i++;
      if (i >= replacement.length) {
        throw new Error('character to be escaped is missing in replacement: ' + replacement);
      }
      out += replacement[i++];
    } else if (c === '$') {
      i++;
      if (i >= replacement.length) {
        throw new Error('Illegal group reference: group index is missing in replacement: ' + replacement);
      }
      let group;
      if (replacement[i] === '{') {
        const close = replacement.indexOf('}', i);
        const name = close < 0 ? '' : replacement.slice(i + 1, close);
        if (close < 0 || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) {
          throw new Error('Illegal named group reference in replacement: ' + replacement);
        }
        if (!m.groups || !Object.prototype.hasOwnProperty.call(m.groups, name)) {
          throw new Error('No group with name {' + name + '}');
        }
        group = m.groups[name];
        i = close + 1;
      } else {
        let ref = replacement.charCodeAt(i) - 48;
        if (ref < 0 || ref > 9) {
          throw new Error('Illegal group reference in replacement: ' + replacement);
        }
        i++;
        while (i < replacement.length) {
          const d = replacement.charCodeAt(i) - 48;
          if (d < 0 || d > 9 || ref * 10 + d > groupCount) {
            break;
          }
          ref = ref * 10 + d;
          i++;
        }
        if (ref > groupCount) {
          throw new Error('No group ' + ref);
        }
        group = m[ref];
      }
      if (group !== undefined && group !== null) {
        out += group;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// The regexes have neither the g nor the y flag: they keep no state between records.
function config(params) {
  const source = String(params.regex);
  const replacement = String(params.replacement);
  let whole;
  let first;
  try {
    whole = new RegExp('^(?:' + source + ')$');
    first = new RegExp(source);
  } catch (e) {
    throw new Error('regex is not a valid regular expression: ' + e.message);
  }
  // an empty alternative matches '', and the match has one entry per group
  const groupCount = new RegExp(source + '|').exec('').length - 1;
  return {replacement, whole, first, groupCount};
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
  const topic = msg.topic;
  if (topic === null || topic === undefined || !c.whole.test(topic)) {
    return msg;
  }
  const m = c.first.exec(topic);
  msg.topic = topic.slice(0, m.index) + expand(c.replacement, m, c.groupCount) + topic.slice(m.index + m[0].length);
  return msg;
}
