// The GraphQL over HTTP contract, checked with the audit suite of graphql-http (the reference
// implementation of the specification) against the real server: every MUST and SHOULD audit
// passes, and so does every MAY audit we chose to honour (all of them today).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAudits } from 'graphql-http';
import { startServer } from './harness.js';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  if (server) await server.stop();
});

test('graphql-http audits: every MUST, SHOULD and MAY passes', async () => {
  const failures = [];
  const counts = {};
  for (const audit of serverAudits({ url: `${server.base}/graphql`, fetchFn: fetch })) {
    const result = await audit.fn();
    const level = audit.name.split(' ')[0];
    counts[level] ??= { ok: 0, total: 0 };
    counts[level].total += 1;
    if (result.status === 'ok') counts[level].ok += 1;
    else failures.push(`${audit.name}: ${result.reason}`);
  }
  console.log(`graphql-http audits: ${JSON.stringify(counts)}`);
  assert.deepEqual(failures, []);
  assert.ok(counts.MUST.total >= 13 && counts.SHOULD.total >= 23, JSON.stringify(counts));
});
