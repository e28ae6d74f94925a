// GraphQL Code Generator: the types a front-end developer gets from the checked-in schema and
// the example operations of docs/queries, with the settings a careful team uses.
//
// One file, one plugin: since typescript-operations 6 the plugin generates by itself the enum
// and input types the operations use, and adding the `typescript` plugin to the same file
// declares each of those enums twice (tsc: "Duplicate identifier 'Basis'"), as the upstream
// migration guide (typescript-operations 5 -> 6, "One-file setup") says.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: '../../docs/queries/*.graphql',
  // Fail when the documents glob finds nothing, instead of generating an empty file.
  ignoreNoDocuments: false,
  generates: {
    'generated/graphql.ts': {
      plugins: ['typescript-operations'],
      config: {
        // No custom scalar today: every scalar must be mapped, so a new one fails here
        // instead of turning into `any`.
        strictScalars: true,
        scalars: { ID: 'string' },
        // Enums as unions of string literals (what `enumsAsTypes: true` was before 6).
        enumType: 'string-literal',
        // Variables and input fields that are nullable or have a default may be left out.
        avoidOptionals: { variableValue: false, inputValue: false, defaultValue: false },
        useTypeImports: true,
        // `__typename` is typed only where a query selects it: the docs queries do not, and
        // only clients such as Apollo or urql add it to every selection set.
        nonOptionalTypename: false,
        // A field of the `Entity` interface comes out as a union with one member per kind of
        // entity (23), identical unless an inline fragment adds fields. `mergeFragmentTypes:
        // true` would shorten it but is unsound here: it gives the fields of `... on Document`
        // to every member, so a non-document would seem to have a `date`.
        mergeFragmentTypes: false,
      },
    },
  },
};

export default config;
