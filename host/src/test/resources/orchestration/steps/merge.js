// A parallel merge: value is {input, results}; keeps input.n and the branches' winners in order.
export function transform(msg, ctx) {
  const results = msg.value.results;
  const winners = [];
  for (let i = 0; i < results.length; i++) {
    winners.push(results[i] === null ? null : results[i].winner);
  }
  msg.value = { n: msg.value.input.n, winners: winners };
  return msg;
}
