// kafka.replace-field: Kafka Connect's ReplaceField ($Key / $Value) as a script.
// Keeps, drops and renames top-level fields of the key or value.
//   - exclude, include: lists (or comma-separated strings) of field names; a field is kept
//     when it is not excluded and include is empty or names it (exclude wins).
//   - renames: 'old:new' pairs (a list, or a comma-separated string); a pair that does not
//     split into exactly two parts at ':' is an error.
//   - A null key/value passes unchanged.
//   - Schemaless: a new map of the kept fields under their new names, in input order.
//   - With a schema: the kept fields under their new names, with the input's name, version,
//     doc and parameters; not optional. As in Kafka, an output field takes the value of the
//     input field that is renamed to it, else of the field of its own name.

const PURPOSE = 'field replacement';

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

// A Kafka LIST property: a list, or a comma-separated string.
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
  return list;
}

// Java's String.split(":"): trailing empty strings are removed.
function javaSplit(s, sep) {
  const parts = s.split(sep);
  while (parts.length > 0 && parts[parts.length - 1] === '') {
    parts.pop();
  }
  return parts;
}

function renameMap(list) {
  const m = new Map();
  for (const mapping of list) {
    const parts = javaSplit(mapping, ':');
    if (parts.length !== 2) {
      throw new Error('Invalid rename mapping: ' + mapping + " (renames are 'old:new' pairs)");
    }
    m.set(parts[0], parts[1]);
  }
  return m;
}

function basics(schema, type) {
  const out = {type, optional: false};
  for (const k of ['name', 'version', 'doc', 'parameters']) {
    if (schema[k] !== undefined && schema[k] !== null) {
      out[k] = schema[k];
    }
  }
  return out;
}

function config(params) {
  checkReplaceNull(params);
  const exclude = new Set(listParam(params, 'exclude'));
  const include = new Set(listParam(params, 'include'));
  const renames = renameMap(listParam(params, 'renames'));
  const reverse = new Map(Array.from(renames, ([from, to]) => [to, from]));
  return {
    keep: name => !exclude.has(name) && (include.size === 0 || include.has(name)),
    renamed: name => (renames.has(name) ? renames.get(name) : name),
    reverse,
    isKey: isKeyTarget(params),
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
  const {keep, renamed, reverse, isKey} = configFor(ctx.params);
  const value = isKey ? msg.key : msg.value;
  const schema = isKey ? msg.keySchema : msg.valueSchema;
  if (value === null || value === undefined) {
    return msg;
  }
  const out = {};
  let outSchema = null;
  if (schema === null || schema === undefined) {
    if (!isMap(value)) {
      throw new Error('Only Map objects supported in absence of schema for [' + PURPOSE + '], found: ' + typeName(value));
    }
    for (const name of Object.keys(value)) {
      if (keep(name)) {
        out[renamed(name)] = value[name];
      }
    }
  } else {
    if (schema.type !== 'struct' || !isMap(value)) {
      throw new Error('Only Struct objects supported for [' + PURPOSE + '], found: ' + typeName(value));
    }
    outSchema = basics(schema, 'struct');
    outSchema.fields = [];
    for (const f of Array.from(schema.fields || [])) {
      if (!keep(f.name)) {
        continue;
      }
      const name = renamed(f.name);
      if (outSchema.fields.some(g => g.name === name)) {
        throw new Error('Cannot create field because of field name duplication ' + name);
      }
      outSchema.fields.push({name, schema: f.schema});
    }
    for (const f of outSchema.fields) {
      const from = reverse.has(f.name) ? reverse.get(f.name) : f.name;
      out[f.name] = has(value, from) ? value[from] : null;
    }
  }
  if (isKey) {
    msg.key = out;
    if (outSchema !== null) {
      msg.keySchema = outSchema;
    }
  } else {
    msg.value = out;
    if (outSchema !== null) {
      msg.valueSchema = outSchema;
    }
  }
  return msg;
}
