// kafka.filter: Kafka Connect's Filter as a script: drops every record it sees.
// As Kafka pairs Filter with a predicate, give the step a 'when:' condition: the records
// the condition rejects pass the step unchanged.

export function transform(msg, ctx) {
  return null;
}
