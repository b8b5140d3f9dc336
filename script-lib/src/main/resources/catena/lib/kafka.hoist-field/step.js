// kafka.hoist-field: Kafka Connect's HoistField ($Key / $Value) as a script.
// Wraps the key or value in a map (a struct with a schema) with one field.
//   - Schemaless: {field: value}, whatever the value is (null included).
//   - With a schema: the new schema is an unnamed, required struct with one field that has
//     the old schema.

function isKeyTarget(params) {
  const t = params.target === undefined || params.target === null ? 'value' : String(params.target);
  if (t !== 'key' && t !== 'value') {
    throw new Error("target must be 'key' or 'value', found '" + t + "'");
  }
  return t === 'key';
}

function config(params) {
  return {field: String(params.field), isKey: isKeyTarget(params)};
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
  const {field, isKey} = configFor(ctx.params);
  const schema = isKey ? msg.keySchema : msg.valueSchema;
  const wrapped = {};
  wrapped[field] = isKey ? msg.key : msg.value;
  if (isKey) {
    msg.key = wrapped;
  } else {
    msg.value = wrapped;
  }
  if (schema !== null && schema !== undefined) {
    const hoisted = {type: 'struct', optional: false, fields: [{name: field, schema}]};
    if (isKey) {
      msg.keySchema = hoisted;
    } else {
      msg.valueSchema = hoisted;
    }
  }
  return msg;
}
