// What a front-end developer writes against the types GraphQL Code Generator makes from
// schema.graphql and docs/queries: compiled with `tsc --strict` (and the stricter options in
// tsconfig.json), never run. No `any`: every field read here is typed by the generated code, so
// a schema change that breaks one of these reads fails the build.
//
// Narrowing: `documents`, `tasks` and `targets` used to return the `Entity` interface (23 kinds),
// so a query reads `date`, `number` or `value` through `... on Document` / `... on Task` /
// `... on Target`, and the generated result type is a union of one member per kind, only one
// of which has those fields. The docs queries do not select `__typename`, so the generated types
// have none to switch on (and a plain `fetch` would not get one): the reads below narrow with
// `'date' in doc` instead, which is what a `__typename === 'Document'` check would do, and works
// at run time without `__typename`. Where a root list returns the concrete type
// (`documents: [Document!]!`, `tasks: TaskConnection!`, `targets: [Target!]!`), the result type
// is that one object and the same check always holds, so this code compiles against both.
import type {
  Basis,
  DocumentsAndTasksQuery,
  JiangyinTargets2025Query,
  NeighborhoodQuery,
  ParksInChangzhouQuery,
  PathsFromSukedaiToKejiaochengQuery,
  SearchAsYouTypeQuery,
  StatisticsQuery,
  WhatEachTaskDoesQuery,
  WhoPromotesSukedaiQuery,
} from './generated/graphql';

// ---- Transport: a GraphQL answer, typed by the operation ----------------------------------

/** One error of a GraphQL answer; `extensions.code` is the server's error code. */
export interface GraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string };
}

/** A GraphQL answer: `data` is absent when the request could not run. */
export interface GraphQLAnswer<TData> {
  data?: TData | null;
  errors?: GraphQLError[];
}

/** Posts an operation. The answer is `application/json` unless `Accept` asks otherwise. */
export async function request<TData>(endpoint: string, query: string): Promise<GraphQLAnswer<TData>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  // `json()` is untyped: the operation's generated type is what this answer has.
  const answer: unknown = await response.json();
  return answer as GraphQLAnswer<TData>;
}

/** The codes a user-facing message depends on. */
export function describeError(error: GraphQLError): string {
  switch (error.extensions?.code) {
    case 'NOT_FOUND':
      return 'No such entity.';
    case 'BAD_VARIABLES':
      return `A variable is missing: ${error.message}`;
    case 'LIMIT_EXCEEDED':
      return 'The query is too large; ask for fewer fields or a smaller page.';
    default:
      return error.message;
  }
}

// ---- 01 Search as you type ----------------------------------------------------------------

export interface Suggestion {
  label: string;
  english: string;
  matched: string;
  where: string;
}

export function suggestions(data: SearchAsYouTypeQuery): Suggestion[] {
  return data.search.map((hit) => ({
    label: hit.entity.name,
    english: hit.entity.english,
    matched: `${hit.matchedName} (${hit.nameKind.toLowerCase()}, ${hit.quality.toLowerCase()})`,
    where: hit.entity.regions.map((region) => region.name).join(' › '),
  }));
}

// ---- 03 A filtered list as a Relay connection -------------------------------------------------

export function parksPage(data: ParksInChangzhouQuery): { rows: string[]; next: string | null } {
  const { edges, pageInfo, totalCount } = data.entities;
  const rows = edges.map(({ node }) => `${node.name} (${node.degree})`);
  rows.push(`${rows.length} of ${totalCount}`);
  return { rows, next: pageInfo.hasNextPage ? pageInfo.endCursor : null };
}

// ---- 07 Shortest paths ------------------------------------------------------------------

export function pathLines(data: PathsFromSukedaiToKejiaochengQuery): string[] {
  return data.paths.map((path) =>
    path.steps
      .map((step) => {
        const kind = step.relation.kind ?? 'RELATED';
        const quote = step.relation.evidence[0]?.quote ?? '';
        return `${step.from.name} —${kind}→ ${step.to.name}${quote ? ` «${quote}»` : ''}`;
      })
      .join(' ; '),
  );
}

// ---- 08 A neighbourhood as Cytoscape elements ----------------------------------------------

type CytoscapeElement =
  | { group: 'nodes'; data: { id: string; label: string; kind: string; distance: number } }
  | { group: 'edges'; data: { id: string; source: string; target: string; label: string }; classes: string };

export function cytoscapeElements(data: NeighborhoodQuery): CytoscapeElement[] {
  const { nodes, edges } = data.neighborhood;
  return [
    ...nodes.map((n): CytoscapeElement => ({
      group: 'nodes',
      data: { id: n.id, label: n.name, kind: n.kind, distance: n.distance },
    })),
    ...edges.map((e): CytoscapeElement => ({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, label: e.kind },
      classes: e.inferred ? 'inferred' : 'stated',
    })),
  ];
}

// ---- 09 Documents and the tasks an agency leads ------------------------------------------------

export interface DocumentRow {
  id: string;
  name: string;
  /** `YYYY-MM-DD`, or null for an undated document. */
  date: string | null;
  number: string | null;
  issuer: string | null;
}

export function documentRows(data: DocumentsAndTasksQuery): DocumentRow[] {
  return data.documents.flatMap((doc) =>
    // Narrowing to the `... on Document` member (see the top of this file).
    'date' in doc
      ? [{ id: doc.id, name: doc.name, date: doc.date, number: doc.number, issuer: doc.issuer?.name ?? null }]
      : [],
  );
}

/** The year of each document, for a timeline; undated documents are left out. */
export function documentYears(data: DocumentsAndTasksQuery): Map<string, number> {
  const years = new Map<string, number>();
  for (const row of documentRows(data)) {
    const year = row.date === null ? Number.NaN : Number(row.date.slice(0, 4));
    if (Number.isInteger(year)) years.set(row.id, year);
  }
  return years;
}

export function agencyTaskNumbers(data: DocumentsAndTasksQuery): string[] {
  return data.tasks.nodes.flatMap((task) =>
    // Narrowing to the `... on Task` member.
    'number' in task ? [`${task.number ?? '—'} ${task.name} (${task.responsibleAgencies.map((a) => a.name).join('、')})`] : [],
  );
}

// ---- 10 Targets ---------------------------------------------------------------------------

export interface TargetCell {
  indicator: string;
  /** The value with its unit, as a table shows it: `3.5 %`, `100 家`. */
  shown: string;
  year: number;
  region: string | null;
  quote: string | null;
}

export function targetCells(data: JiangyinTargets2025Query): TargetCell[] {
  return data.targets.flatMap((target) =>
    // Narrowing to the `... on Target` member.
    'value' in target
      ? [
          {
            indicator: target.indicator,
            shown: `${target.value.toLocaleString('zh-CN')} ${target.unit}`,
            year: target.year,
            region: target.region?.name ?? null,
            quote: target.evidence[0]?.quote ?? null,
          },
        ]
      : [],
  );
}

// ---- 11 Statistics --------------------------------------------------------------------------

export function statisticsSummary(data: StatisticsQuery): string {
  const { entities, relations, inferredRelations, byKind } = data.statistics;
  const largest = [...byKind].sort((a, b) => b.count - a.count)[0];
  const top = data.mostConnected.map((r) => `${r.entity.name} ${r.pageRank.toFixed(3)}`).join(', ');
  return `${entities} entities, ${relations} relations (${inferredRelations} inferred); most: ${largest?.key ?? '—'}; central: ${top}`;
}

// ---- 12 What each task does: instruments, carriers, industries --------------------------------

export interface TaskAction {
  task: string;
  role: string;
  other: string;
  otherKind: string;
  quote: string | null;
}

export function taskActions(data: WhatEachTaskDoesQuery): TaskAction[] {
  return data.tasks.nodes.flatMap((task) => {
    // `relations` is a field of every entity: no narrowing for it, only for `number`.
    const label = 'number' in task && task.number !== null ? `${task.number} ${task.name}` : task.name;
    return task.relations.nodes.map((relation) => ({
      task: label,
      role: relation.kind ?? 'MENTIONS',
      other: relation.other.name,
      otherKind: relation.other.kind,
      quote: relation.evidence[0]?.quote ?? null,
    }));
  });
}

/** The instruments a task uses (the USES_INSTRUMENT role). */
export function instrumentsUsed(data: WhatEachTaskDoesQuery): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const task of data.tasks.nodes) {
    const names = task.relations.nodes.filter((r) => r.kind === 'USES_INSTRUMENT').map((r) => r.other.name);
    if (names.length > 0) used.set(task.id, names);
  }
  return used;
}

// ---- 13 Who promotes an instrument, and where it is used ---------------------------------------

/**
 * A label for each basis of a relation. `satisfies Record<Basis, string>` makes a new basis in
 * the schema a compile error here, which is what a front end that shows every basis wants.
 */
const BASIS_LABEL = {
  STATED: 'stated in the text',
  INFERRED: 'inferred by the ontology',
  DERIVED: 'derived by a rule',
  CURATED: 'added by a curator',
} as const satisfies Record<Basis, string>;

export interface Promotion {
  by: string;
  basis: string;
  rule: string | null;
  task: string | null;
  quote: string;
}

export function promotions(data: WhoPromotesSukedaiQuery): Promotion[] {
  // `entity` may be null (an unknown id is null with a NOT_FOUND error) in newer schemas;
  // checking costs nothing where it cannot be.
  if (!data.entity) return [];
  return data.entity.promotedBy.nodes.flatMap((relation) =>
    relation.evidence.map((evidence) => ({
      by: relation.other.name,
      basis: BASIS_LABEL[evidence.basis],
      rule: evidence.rule,
      task: evidence.task?.id ?? null,
      quote: evidence.quote,
    })),
  );
}

export function usedIn(data: WhoPromotesSukedaiQuery): string[] {
  if (!data.entity) return [];
  return data.entity.usedIn.nodes.map((relation) => {
    const why = relation.evidence.map((e) => e.rule ?? e.inferenceNote).find((w) => w !== null) ?? null;
    return why === null ? relation.other.name : `${relation.other.name} (${why})`;
  });
}
