// kafka.header-from: Kafka Connect's HeaderFrom ($Key / $Value) as a script.
// Copies or moves top-level fields of the key or value into headers: fields[i] goes to
// headers[i] (both lists, or comma-separated strings, of the same length).
//   - operation: 'copy' keeps the fields, 'move' removes them (with a schema, from the
//     schema too: the output keeps the input's name, version, doc and parameters, and is not
//     optional).
//   - Schemaless: the key/value must be a map; a missing field gives a null header.
//   - With a schema: the key/value must be a struct and the schema must have every field.
//   - A header of the same name is replaced (Kafka adds a second one).

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
    throw new Error(name + ' must not be empty');
  }
  return list;
}

function config(params) {
  checkReplaceNull(params);
  const fields = listParam(params, 'fields');
  const headers = listParam(params, 'headers');
  if (fields.length !== headers.length) {
    throw new Error("'fields' config must have the same number of elements as 'headers' config.");
  }
  const operation = String(params.operation);
  if (operation !== 'move' && operation !== 'copy') {
    throw new Error("operation must be 'move' or 'copy', found '" + operation + "'");
  }
  return {fields, headers, operation, isKey: isKeyTarget(params)};
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
  const {fields, headers, operation, isKey} = configFor(ctx.params);
  const value = isKey ? msg.key : msg.value;
  const schema = isKey ? msg.keySchema : msg.valueSchema;
  if (schema === null || schema === undefined) {
    if (!isMap(value)) {
      throw new Error('Only Map objects supported in absence of schema for [header ' + operation + '], found: '
        + typeName(value));
    }
    // Headers first: a view of a nested map is empty once its field is deleted.
    fields.forEach((f, i) => msg.headers.set(headers[i], has(value, f) ? value[f] : null));
    if (operation === 'move') {
      for (const f of fields) {
        delete value[f];
      }
    }
    return msg;
  }
  if (schema.type !== 'struct' || !isMap(value)) {
    throw new Error('Only Struct objects supported for [header ' + operation + '], found: ' + typeName(value));
  }
  const names = Array.from(schema.fields || [], f => f.name);
  for (const f of fields) {
    if (!names.includes(f)) {
      throw new Error("field '" + f + "' is not in the schema");
    }
  }
  // Headers first: a view of a nested map is empty once its field is deleted.
  fields.forEach((f, i) => msg.headers.set(headers[i], has(value, f) ? value[f] : null));
  if (operation === 'move') {
    const moved = {type: 'struct', optional: false};
    for (const k of ['name', 'version', 'doc', 'parameters']) {
      if (schema[k] !== undefined && schema[k] !== null) {
        moved[k] = schema[k];
      }
    }
    moved.fields = Array.from(schema.fields || []).filter(f => !fields.includes(f.name))
      .map(f => ({name: f.name, schema: f.schema}));
    for (const f of fields) {
      delete value[f];
    }
    if (isKey) {
      msg.keySchema = moved;
    } else {
      msg.valueSchema = moved;
    }
  }
  return msg;
}
