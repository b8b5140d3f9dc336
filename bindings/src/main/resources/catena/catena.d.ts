// Catena script API for JavaScript steps (GraalJS, ECMAScript 2024, ES modules).
// Put this file beside your scripts (or reference it with /// <reference path="catena.d.ts" />)
// and annotate:  /** @param {Message} msg @param {StepContext} ctx */
// A step exports one function:
//   export function transform(msg, ctx) { ...; return msg; }
// and returns the message (changed in place or a new {value, key?, topic?, timestamp?, headers?}),
// null to drop it, or an array of messages to split it (the step must be declared `split: true`).

/** A record value: what JSON can hold (integers are 64-bit, bytes pass through opaque). */
export type Value = null | boolean | number | string | Value[] | { [field: string]: Value };

/** Record headers. Values are usually strings. */
export interface Headers {
  /** The last value of a header, or null when absent. */
  get(name: string): Value;
  /** Replaces every header of that name with one of this value. */
  set(name: string, value: Value): void;
  /** Removes every header of that name; true if there was one. */
  remove(name: string): boolean;
  has(name: string): boolean;
  /** Header names in order, without repeats. */
  names(): string[];
  /** A read-only object of name to (last) value. */
  toObject(): { readonly [name: string]: Value };
}

/** A field of a struct schema. */
export interface SchemaField {
  readonly name: string;
  readonly schema: Schema;
}

/** A description of a Kafka Connect schema, when the record has one. Logical types are named: org.apache.kafka.connect.data.Decimal, ...Timestamp. */
export interface Schema {
  readonly type: "int8" | "int16" | "int32" | "int64" | "float32" | "float64" | "boolean" | "string" | "bytes" | "array" | "map" | "struct";
  readonly optional: boolean;
  readonly name?: string;
  readonly version?: number;
  readonly parameters?: { readonly [key: string]: string };
  readonly doc?: string;
  readonly fields?: SchemaField[];
  readonly keySchema?: Schema;
  readonly valueSchema?: Schema;
}

/** The record a step sees. Nested objects and arrays of key and value are live views: write into them. */
export interface Message {
  key: Value;
  value: Value;
  /** Assign to route the record to another topic. */
  topic: string | null;
  /** Epoch milliseconds. */
  timestamp: number | null;
  readonly partition: number | null;
  readonly offset: number | null;
  readonly headers: Headers;
  /** Assign a descriptor to change the schema the record leaves with (Kafka Connect). */
  keySchema: Schema | null;
  valueSchema: Schema | null;
}

/** A message a step returns instead of `msg`; fields left out are taken from the input. */
export interface NewMessage {
  value: Value;
  key?: Value;
  topic?: string;
  timestamp?: number;
  headers?: { [name: string]: Value };
}

/** What a step knows about where it runs. */
export interface StepContext {
  /** The step's `params:` (or `with:` for library steps), read-only. */
  readonly params: { readonly [name: string]: Value };
  /** Chain name. */
  readonly chain: string;
  /** Step id. */
  readonly step: string;
  /** Epoch milliseconds from the host's clock. */
  now(): number;
  /** Logs a line through the host: log("text") or log("warn", "text"). */
  log(levelOrMessage: string, message?: string): void;
}

/** The function a step module exports. */
export type Transform = (msg: Message, ctx: StepContext) => Message | NewMessage | null | Array<Message | NewMessage>;
