// kafka.drop-headers: Kafka Connect's DropHeaders as a script.
// Removes every header whose name is listed ('headers': a list, or a comma-separated
// string as in Kafka; not empty). The other headers keep their order.

function isList(v) {
  if (Array.isArray(v)) {
    return true;
  }
  return v !== null && typeof v === 'object' && typeof v.length === 'number'
    && !Object.keys(v).includes('length');
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
    throw new Error(name + ' must name at least one header');
  }
  return list;
}

export function transform(msg, ctx) {
  for (const name of listParam(ctx.params, 'headers')) {
    msg.headers.remove(name);
  }
  return msg;
}
