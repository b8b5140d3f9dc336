// kafka.set-schema-metadata: Kafka Connect's SetSchemaMetadata ($Key / $Value) as a script.
// Sets the name and/or version of the key or value schema; everything else about the
// schema (type, optional, doc, parameters, fields) and the data stay as they are.
//   - At least one of schema.name and schema.version must be set.
//   - A record part without schema and without data (null) passes unchanged; one that has
//     data but no schema is an error. As in Kafka, only struct schemas can be renamed.

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

// schema.version is an int in Kafka: a number, or a string of an integer.
function version(raw) {
  if (raw === undefined || raw === null) {
    return null;
  }
  const s = String(raw).trim();
  if (!/^[+-]?\d+$/.test(s) || Number(s) < -2147483648 || Number(s) > 2147483647) {
    throw new Error("schema.version must be an integer, found '" + raw + "'");
  }
  return Number(s);
}

function config(params) {
  checkReplaceNull(params);
  const name = params['schema.name'] === undefined || params['schema.name'] === null
    ? null : String(params['schema.name']);
  const ver = version(params['schema.version']);
  if (name === null && ver === null) {
    throw new Error('Neither schema name nor version configured (set schema.name and/or schema.version)');
  }
  return {name, ver, isKey: isKeyTarget(params)};
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
  const {name, ver, isKey} = configFor(ctx.params);
  const value = isKey ? msg.key : msg.value;
  const schema = isKey ? msg.keySchema : msg.valueSchema;
  if (schema === null || schema === undefined) {
    if (value === null || value === undefined) {
      return msg;
    }
    throw new Error('Schema required for [updating schema metadata]');
  }
  if (schema.type !== 'struct') {
    // Kafka copies schema.fields(), which a non-struct Connect schema refuses.
    throw new Error('Cannot list fields on non-struct type ' + schema.type);
  }
  const updated = {};
  for (const k of Object.keys(schema)) {
    updated[k] = schema[k];
  }
  if (name !== null) {
    updated.name = name;
  }
  if (ver !== null) {
    updated.version = ver;
  }
  if (isKey) {
    msg.keySchema = updated;
  } else {
    msg.valueSchema = updated;
  }
  return msg;
}
