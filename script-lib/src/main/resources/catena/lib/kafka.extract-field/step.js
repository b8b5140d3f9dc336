// kafka.extract-field: Kafka Connect's ExtractField ($Key / $Value) as a script.
// Replaces the key or value by one of its fields.
//   - field.syntax.version V1 (default): 'field' is one top-level field name, taken
//     literally (dots included). V2: a dotted path into nested structs/maps; wrap a name
//     that contains dots in backticks (`a.b`.c), escape a backtick before a dot with '\'.
//   - Schemaless: the key/value must be a map or null; the result is the field's value,
//     null when a step of the path is missing or null. A step that is not a map is an error.
//   - With a schema: the field must exist in the schema (else an error, even for a null
//     value); the result has the field's schema.

const PURPOSE = 'field extraction';

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

function incomplete(path, at) {
  throw new Error('Incomplete backtick pair in path: [' + path + '], consider adding a backslash before backtick at position '
    + at + ' to escape it');
}

// KIP-821's SingleFieldPath for V2 (a port of its parser, corner cases included).
function pathSteps(path, version) {
  if (version === 'V1') {
    return [path];
  }
  const steps = [];
  let idx = 0;
  while (idx < path.length && idx >= 0) {
    if (path[idx] !== '`') {
      const start = idx;
      idx = path.indexOf('.', idx);
      if (idx >= 0) {
        steps.push(path.substring(start, idx));
        idx++;
      } else {
        steps.push(path.substring(start));
      }
    } else {
      const backtickAt = idx;
      idx++;
      let field = '';
      let start = idx;
      for (;;) {
        idx = path.indexOf('`', idx);
        if (idx === -1) {
          incomplete(path, backtickAt);
        }
        const escaped = path[idx - 1] === '\\';
        if (idx >= path.length - 1) {
          if (escaped) {
            incomplete(path, backtickAt);
          }
          field += path.substring(start, idx);
          steps.push(field);
          idx++;
          break;
        }
        if (path[idx + 1] !== '.') {
          idx++;
          continue;
        }
        if (escaped) {
          field += path.substring(start, idx - 1) + '`';
          idx++;
          start = idx;
          continue;
        }
        field += path.substring(start, idx);
        steps.push(field);
        idx += 2;
        break;
      }
    }
  }
  if (path.length > 0 && path[path.length - 1] === '.') {
    steps.push('');
  }
  if (steps.length === 0) {
    throw new Error("field '" + path + "' names no field");
  }
  return steps;
}

function syntaxVersion(params) {
  const v = params['field.syntax.version'] === undefined || params['field.syntax.version'] === null
    ? 'V1' : String(params['field.syntax.version']).toUpperCase();
  if (v !== 'V1' && v !== 'V2') {
    throw new Error("field.syntax.version must be V1 or V2, found '" + params['field.syntax.version'] + "'");
  }
  return v;
}

function structField(schema, name) {
  if (schema.type !== 'struct') {
    throw new Error('Cannot look up fields on non-struct type ' + schema.type);
  }
  for (const f of Array.from(schema.fields || [])) {
    if (f.name === name) {
      return f;
    }
  }
  return null;
}

function fieldFrom(schema, steps) {
  let current = schema;
  for (const step of steps.slice(0, -1)) {
    const f = structField(current, step);
    if (f === null) {
      return null;
    }
    current = f.schema;
  }
  return structField(current, steps[steps.length - 1]);
}

function valueFrom(value, steps, withSchema) {
  let current = value;
  for (const step of steps.slice(0, -1)) {
    const sub = has(current, step) ? current[step] : null;
    if (sub === null || sub === undefined) {
      return null;
    }
    if (!isMap(sub)) {
      throw new Error((withSchema ? 'Only Struct objects supported for [nested field access], found: '
        : 'Only Map objects supported in absence of schema for [nested field access], found: ') + typeName(sub));
    }
    current = sub;
  }
  const last = steps[steps.length - 1];
  return has(current, last) ? current[last] : null;
}

function config(params) {
  checkReplaceNull(params);
  const field = String(params.field);
  const steps = pathSteps(field, syntaxVersion(params));
  return {field, steps, isKey: isKeyTarget(params)};
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
  const {field: fieldName, steps, isKey} = configFor(ctx.params);
  const value = isKey ? msg.key : msg.value;
  const schema = isKey ? msg.keySchema : msg.valueSchema;
  let result;
  let resultSchema = null;
  if (schema === null || schema === undefined) {
    if (value !== null && value !== undefined && !isMap(value)) {
      throw new Error('Only Map objects supported in absence of schema for [' + PURPOSE + '], found: ' + typeName(value));
    }
    result = value === null || value === undefined ? null : valueFrom(value, steps, false);
  } else {
    if (value !== null && value !== undefined && !isMap(value)) {
      throw new Error('Only Struct objects supported for [' + PURPOSE + '], found: ' + typeName(value));
    }
    const field = fieldFrom(schema, steps);
    if (field === null) {
      throw new Error('Unknown field: ' + fieldName);
    }
    resultSchema = field.schema;
    result = value === null || value === undefined ? null : valueFrom(value, steps, true);
  }
  if (isKey) {
    msg.key = result;
    msg.keySchema = resultSchema;
  } else {
    msg.value = result;
    msg.valueSchema = resultSchema;
  }
  return msg;
}
