// kafka.value-to-key: Kafka Connect's ValueToKey as a script.
// Replaces the key by a map (a struct with a schema) of some fields of the value.
//   - 'fields' is a list, or a comma-separated string as in Kafka; it must not be empty. A
//     repeated name counts once.
//   - Schemaless: the value must be a map (a null value is an error); a missing field
//     gives null. The key loses its schema.
//   - With a schema: the value must be a struct and have every field; the key schema is an
//     unnamed, required struct of those fields with their schemas.

const PURPOSE = 'copying fields from value to key';

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

function checkReplaceNull(params) {
  const r = params['replace.null.with.default'];
  if (r !== undefined && r !== true && String(r).toLowerCase() !== 'true') {
    throw new Error("replace.null.with.default=false is not supported: Catena reads struct fields with their"
      + ' defaults applied and its schemas carry no default values');
  }
}

// A Kafka LIST property: a list, or a comma-separated string; not empty. A repeated name
// counts once (as in Kafka 4.3).
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

function config(params) {
  checkReplaceNull(params);
  return {fields: listParam(params, 'fields')};
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
  const {fields} = configFor(ctx.params);
  const value = msg.value;
  const schema = msg.valueSchema;
  if (schema === null || schema === undefined) {
    if (!isMap(value)) {
      throw new Error('Only Map objects supported in absence of schema for [' + PURPOSE + '], found: ' + typeName(value));
    }
    const key = {};
    for (const f of fields) {
      key[f] = has(value, f) ? value[f] : null;
    }
    msg.key = key;
    msg.keySchema = null;
    return msg;
  }
  if (schema.type !== 'struct' || !isMap(value)) {
    throw new Error('Only Struct objects supported for [' + PURPOSE + '], found: ' + typeName(value));
  }
  const byName = new Map(Array.from(schema.fields || [], f => [f.name, f.schema]));
  const keyFields = [];
  const key = {};
  for (const f of fields) {
    if (!byName.has(f)) {
      throw new Error('Field does not exist: ' + f);
    }
    keyFields.push({name: f, schema: byName.get(f)});
    key[f] = has(value, f) ? value[f] : null;
  }
  msg.key = key;
  msg.keySchema = {type: 'struct', optional: false, fields: keyFields};
  return msg;
}
