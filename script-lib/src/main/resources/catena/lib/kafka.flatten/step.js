// kafka.flatten: Kafka Connect's Flatten ($Key / $Value) as a script.
// Flattens nested maps (structs) into one level, joining names with the delimiter:
// {a: {b: 1}} -> {"a.b": 1}. Lists and their contents are not changed.
//   - A null key/value passes unchanged.
//   - Schemaless: the key/value must be a map; a nested map becomes its fields (an empty one
//     disappears), null stays as a field.
//   - With a schema: a nested struct's fields become top-level fields; a field is optional
//     when it or any struct above it is optional; a map field is an error. The output keeps
//     the input's name, version, doc and parameters; it is not optional. Two fields that
//     flatten to the same name are an error.

const PURPOSE = 'flattening';

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

function flattenSchemaless(map, prefix, delimiter, out) {
  for (const key of Object.keys(map)) {
    const name = prefix === '' ? key : prefix + delimiter + key;
    const v = map[key];
    if (isMap(v)) {
      flattenSchemaless(v, name, delimiter, out);
    } else {
      out[name] = v === undefined ? null : v;
    }
  }
}

// A field schema's own attributes (SchemaUtil.copySchemaBasics), optional if asked.
function fieldSchema(s, optional) {
  const out = {type: s.type, optional: optional};
  for (const k of ['name', 'version', 'doc', 'parameters']) {
    if (s[k] !== undefined && s[k] !== null) {
      out[k] = s[k];
    }
  }
  if (s.type === 'array') {
    out.valueSchema = s.valueSchema;
  }
  return out;
}

function flattenSchema(schema, prefix, delimiter, optional, fields) {
  for (const f of Array.from(schema.fields || [])) {
    const name = prefix === '' ? f.name : prefix + delimiter + f.name;
    const fieldOptional = optional || f.schema.optional === true;
    if (f.schema.type === 'struct') {
      flattenSchema(f.schema, name, delimiter, fieldOptional, fields);
    } else if (f.schema.type === 'map') {
      throw new Error('Flatten transformation does not support MAP for record with schemas (for field ' + name + ').');
    } else {
      if (fields.some(g => g.name === name)) {
        throw new Error('Cannot create field because of field name duplication ' + name);
      }
      fields.push({name, schema: fieldSchema(f.schema, fieldOptional)});
    }
  }
}

function flattenStruct(value, schema, prefix, delimiter, out) {
  if (value === null || value === undefined) {
    return;
  }
  for (const f of Array.from(schema.fields || [])) {
    const name = prefix === '' ? f.name : prefix + delimiter + f.name;
    const v = has(value, f.name) ? value[f.name] : null;
    if (f.schema.type === 'struct') {
      flattenStruct(v, f.schema, name, delimiter, out);
    } else {
      out[name] = v;
    }
  }
}

function config(params) {
  const delimiter = params.delimiter === undefined || params.delimiter === null ? '.' : String(params.delimiter);
  return {delimiter, isKey: isKeyTarget(params)};
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
  const {delimiter, isKey} = configFor(ctx.params);
  const value = isKey ? msg.key : msg.value;
  const schema = isKey ? msg.keySchema : msg.valueSchema;
  if (value === null || value === undefined) {
    return msg;
  }
  const out = {};
  if (schema === null || schema === undefined) {
    if (!isMap(value)) {
      throw new Error('Only Map objects supported in absence of schema for [' + PURPOSE + '], found: ' + typeName(value));
    }
    flattenSchemaless(value, '', delimiter, out);
    if (isKey) {
      msg.key = out;
    } else {
      msg.value = out;
    }
    return msg;
  }
  if (schema.type !== 'struct' || !isMap(value)) {
    throw new Error('Only Struct objects supported for [' + PURPOSE + '], found: ' + typeName(value));
  }
  const fields = [];
  flattenSchema(schema, '', delimiter, schema.optional === true, fields);
  const flat = {type: 'struct', optional: false};
  for (const k of ['name', 'version', 'doc', 'parameters']) {
    if (schema[k] !== undefined && schema[k] !== null) {
      flat[k] = schema[k];
    }
  }
  flat.fields = fields;
  flattenStruct(value, schema, '', delimiter, out);
  for (const f of fields) {
    if (!has(out, f.name)) {
      out[f.name] = null;
    }
  }
  if (isKey) {
    msg.key = out;
    msg.keySchema = flat;
  } else {
    msg.value = out;
    msg.valueSchema = flat;
  }
  return msg;
}
