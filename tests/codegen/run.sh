#!/bin/sh
# The types a front-end developer generates from schema.graphql and docs/queries, compiled with
# tsc --strict, and the schema diff against the released schema. `npm ci` comes first (CI runs
# it); then `npm test` runs this.
set -eu
cd "$(dirname "$0")"
rm -rf generated
echo "== GraphQL Code Generator: ../../schema.graphql + ../../docs/queries/*.graphql -> generated/graphql.ts"
npx --no-install graphql-codegen --config codegen.ts
echo "== tsc --strict --noEmit: generated/graphql.ts usage.ts ($(npx --no-install tsc --version))"
npx --no-install tsc --strict --noEmit -p tsconfig.json
echo "== schema diff: ../../schema.released.graphql -> ../../schema.graphql"
node schema-diff.mjs
