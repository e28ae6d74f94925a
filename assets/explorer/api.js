// The explorer's only data source: the public GraphQL API at /graphql.

/** A failed request: the network, the HTTP status or GraphQL errors, with the server's words. */
export class ApiError extends Error {
  constructor(message, { code = null, status = null, kind = 'graphql' } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.kind = kind; // 'network', 'http' or 'graphql'
  }
}

const cache = new Map();
const CACHE_LIMIT = 200;

/**
 * Runs a GraphQL query and returns its `data`. Identical queries share one request and its
 * answer (the graph never changes while the server runs); failures are not kept.
 */
export function gql(query, variables = {}) {
  const key = JSON.stringify([query, variables]);
  if (cache.has(key)) return cache.get(key);
  const promise = request(query, variables);
  cache.set(key, promise);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value);
  promise.catch(() => cache.delete(key));
  return promise;
}

async function request(query, variables) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError(error && error.message ? error.message : String(error), { kind: 'network' });
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status} ${response.statusText}`.trim(), {
      status: response.status,
      kind: 'http',
    });
  }
  if (body && Array.isArray(body.errors) && body.errors.length > 0) {
    const first = body.errors[0];
    throw new ApiError(body.errors.map((e) => e.message).join('; '), {
      code: first.extensions && first.extensions.code ? first.extensions.code : null,
      status: response.status,
    });
  }
  if (!response.ok || !body || !body.data) {
    throw new ApiError(`HTTP ${response.status} ${response.statusText}`.trim(), {
      status: response.status,
      kind: 'http',
    });
  }
  return body.data;
}

/** The fields every view needs to show an entity's name in either language. */
export const BRIEF = `
fragment Brief on Entity { id kind name en: label(lang: EN) { text fallback } }`;

/** One piece of evidence: the quote, where it is, and why when inferred. */
export const EVIDENCE = `
fragment Ev on Evidence {
  quote quoteStart quoteEnd inferred basis rule inferenceNote note
  citation { gbt7714 bibtex }
  document { ...Brief }
  task { ...Brief }
}`;
