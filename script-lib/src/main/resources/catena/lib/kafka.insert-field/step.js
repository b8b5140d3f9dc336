// kafka.insert-field: Kafka Connect's InsertField ($Key / $Value) as a script.
// Inserts the record's topic, partition, offset and timestamp and/or one constant string
// into the key or value. Each field name may end with '!' (a required field in the
// output schema) or '?' (optional, the default).
//   - A null key/value passes unchanged.
//   - Schemaless: the key/value must be a map; fields are put (replacing a field of the
//     same name). partition and timestamp are only put when the record has them.
//   - With a schema: the key/value must be a struct; the output schema is the input's
//     fields plus the inserted ones (string, int32, int64, Timestamp, string), with the
//     input's name, version, doc and parameters, and not optional (as Kafka builds it).
//     A field whose name the schema already has is an error.
//   - offset.field needs a record offset (in Kafka: a SinkRecord).

const PURPOSE = 'field insertion';
const TIMESTAMP = 'org.apache.kafka.connect.data.Timestamp';

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

function typeName(v) {
  if (v === null || v === undefined) {
    return 'null';
  }
  if (isList(v)) {
    return 'list';
  }
  return isMap(v) ? 'map' : typeof v;
}

// Kafka's "Suffix with ! to make this a required field, or ? to keep it optional".
function spec(raw) {
  if (raw === undefined || raw === null) {
    return null;
  }
  const s = String(raw);
  if (s.endsWith('?')) {
    return {name: s.slice(0, -1), optional: true};
  }
  if (s.endsWith('!')) {
    return {name: s.slice(0, -1), optional: false};
  }
  return {name: s, optional: true};
}

function checkReplaceNull(params) {
  const r = params['replace.null.with.default'];
  if (r !== undefined && r !== true && String(r).toLowerCase() !== 'true') {
    throw new Error("replace.null.with.default=false is not supported: Catena reads struct fields with their"
      + ' defaults applied and its schemas carry no default values');
  }
}

// Copies name, version, doc and parameters of a schema descriptor (SchemaUtil.copySchemaBasics).
function basics(schema, type) {
  const out = {type, optional: false};
  for (const k of ['name', 'version', 'doc']) {
    if (schema[k] !== undefined && schema[k] !== null) {
      out[k] = schema[k];
    }
  }
  if (schema.parameters !== undefined && schema.parameters !== null) {
    out.parameters = schema.parameters;
  }
  return out;
}

function isKeyTarget(params) {
  const t = params.target === undefined || params.target === null ? 'value' : String(params.target);
  if (t !== 'key' && t !== 'value') {
    throw new Error("target must be 'key' or 'value', found '" + t + "'");
  }
  return t === 'key';
}

function config(params) {
  checkReplaceNull(params);
  const c = {
    topic: spec(params['topic.field']),
    partition: spec(params['partition.field']),
    offset: spec(params['offset.field']),
    timestamp: spec(params['timestamp.field']),
    static: spec(params['static.field']),
    staticValue: params['static.value'] === undefined || params['static.value'] === null
      ? null : typeof params['static.value'] === 'boolean' ? (params['static.value'] ? 'true' : 'false')
        : String(params['static.value']),
  };
  if (!c.topic && !c.partition && !c.offset && !c.timestamp && !c.static) {
    throw new Error('No field insertion configured: set at least one of topic.field, partition.field,'
      + ' offset.field, timestamp.field, static.field');
  }
  if (c.static && c.staticValue === null) {
    throw new Error('No value specified for static field: ' + c.static.name + ' (set static.value)');
  }
  c.isKey = isKeyTarget(params);
  return c;
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

// withSchema: a field of the output schema is always in the map (null when the record lacks
// the partition or timestamp): a field missing from the map would be dropped from the schema.
function insert(target, c, msg, withSchema) {
  if (c.topic) {
    target[c.topic.name] = msg.topic;
  }
  if (c.partition && msg.partition !== null && msg.partition !== undefined) {
    target[c.partition.name] = msg.partition;
  } else if (c.partition && withSchema) {
    target[c.partition.name] = null;
  }
  if (c.offset) {
    if (msg.offset === null || msg.offset === undefined) {
      throw new Error('offset.field needs a record offset; the record has none (Kafka: only SinkRecord supported for ['
        + PURPOSE + '])');
    }
    target[c.offset.name] = msg.offset;
  }
  if (c.timestamp && msg.timestamp !== null && msg.timestamp !== undefined) {
    target[c.timestamp.name] = msg.timestamp;
  } else if (c.timestamp && withSchema) {
    target[c.timestamp.name] = null;
  }
  if (c.static) {
    target[c.static.name] = c.staticValue;
  }
}

function updatedSchema(schema, c) {
  const out = basics(schema, 'struct');
  const fields = Array.from(schema.fields || [], f => ({name: f.name, schema: f.schema}));
  const add = (s, type, extra) => {
    if (!s) {
      return;
    }
    if (fields.some(f => f.name === s.name)) {
      throw new Error("Cannot create field because of field name duplication " + s.name);
    }
    fields.push({name: s.name, schema: Object.assign({type, optional: s.optional}, extra || {})});
  };
  add(c.topic, 'string');
  add(c.partition, 'int32');
  add(c.offset, 'int64');
  add(c.timestamp, 'int64', {name: TIMESTAMP, version: 1});
  add(c.static, 'string');
  out.fields = fields;
  return out;
}

export function transform(msg, ctx) {
  const c = configFor(ctx.params);
  const isKey = c.isKey;
  const value = isKey ? msg.key : msg.value;
  const schema = isKey ? msg.keySchema : msg.valueSchema;
  if (value === null || value === undefined) {
    return msg;
  }
  if (schema === null || schema === undefined) {
    if (!isMap(value)) {
      throw new Error('Only Map objects supported in absence of schema for [' + PURPOSE + '], found: ' + typeName(value));
    }
    insert(value, c, msg, false);
    return msg;
  }
  if (schema.type !== 'struct' || !isMap(value)) {
    throw new Error('Only Struct objects supported for [' + PURPOSE + '], found: ' + schema.type);
  }
  const newSchema = updatedSchema(schema, c);
  insert(value, c, msg, true);
  if (isKey) {
    msg.keySchema = newSchema;
  } else {
    msg.valueSchema = newSchema;
  }
  return msg;
}
