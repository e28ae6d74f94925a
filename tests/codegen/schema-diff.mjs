// The schema diff against the last release: every change graphql-inspector finds between
// schema.released.graphql and schema.graphql, with its criticality. A breaking change fails
// the check unless the `## Unreleased` section of CHANGELOG.md names its path in backticks
// (for example `QueryRoot.documents`); dangerous and safe changes are only printed.
//
//   node schema-diff.mjs    (from tests/codegen; exit 0 when every breaking change is listed)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (name) => readFileSync(join(root, name), 'utf8');

const released = buildSchema(read('schema.released.graphql'));
const current = buildSchema(read('schema.graphql'));
const changes = await diff(released, current);

const order = [CriticalityLevel.Breaking, CriticalityLevel.Dangerous, CriticalityLevel.NonBreaking];
const byLevel = new Map(order.map((level) => [level, []]));
for (const change of changes) byLevel.get(change.criticality.level).push(change);

// One line per change: descriptions in messages may span lines.
const oneLine = (text) => text.replace(/\s*\n\s*/g, ' ');
console.log(`schema.released.graphql -> schema.graphql: ${changes.length} changes`);
for (const level of order) {
  for (const change of byLevel.get(level)) {
    const reason = level !== CriticalityLevel.NonBreaking && change.criticality.reason ? ` (${oneLine(change.criticality.reason)})` : '';
    console.log(`${level.padEnd(12)} ${change.path ?? '-'}: ${oneLine(change.message)}${reason}`);
  }
}

// The `## Unreleased` section: from its heading to the next second-level heading.
const changelog = read('CHANGELOG.md');
const start = changelog.search(/^## Unreleased\b.*$/m);
if (start < 0) {
  console.error('CHANGELOG.md has no "## Unreleased" section');
  process.exit(2);
}
const rest = changelog.slice(start).replace(/^## Unreleased\b.*$/m, '');
const next = rest.search(/^## /m);
const unreleased = next < 0 ? rest : rest.slice(0, next);
const named = new Set([...unreleased.matchAll(/`([^`\n]+)`/g)].map((m) => m[1].trim()));

// A change without a path (none today) must be named by its message instead.
const listed = (change) => (change.path ? named.has(change.path) : unreleased.includes(change.message));
const breaking = byLevel.get(CriticalityLevel.Breaking);
const missing = breaking.filter((change) => !listed(change));

// Paths under "### Breaking" that the diff no longer reports as breaking: a note, not a failure
// (the change may have been reverted, or be breaking in a way the diff cannot see).
const breakingSection = unreleased.match(/^### Breaking\b[\s\S]*?(?=^### |(?![\s\S]))/m)?.[0] ?? '';
const breakingPaths = new Set(breaking.map((change) => change.path));
for (const m of breakingSection.matchAll(/`([A-Z][A-Za-z0-9_]*\.[A-Za-z0-9_.]+)`/g)) {
  if (!breakingPaths.has(m[1])) console.log(`note: CHANGELOG.md lists \`${m[1]}\` as breaking, but the diff reports no breaking change there`);
}

console.log(
  `${breaking.length} breaking, ${byLevel.get(CriticalityLevel.Dangerous).length} dangerous, ` +
    `${byLevel.get(CriticalityLevel.NonBreaking).length} safe; ${breaking.length - missing.length} of ${breaking.length} breaking listed in CHANGELOG.md`,
);
if (missing.length > 0) {
  console.error('\nBreaking changes not listed under "## Unreleased" in CHANGELOG.md (name each path in backticks, and say what a client must change):');
  for (const change of missing) console.error(`  \`${change.path ?? oneLine(change.message)}\`: ${oneLine(change.message)}`);
  process.exit(1);
}
