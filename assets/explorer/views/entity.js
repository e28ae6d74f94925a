// The entity page: its names in both languages and scripts, its kind and place, and every
// relation grouped by kind, each with the sentence that states it.

import { h } from '../dom.js';
import { gql, BRIEF, EVIDENCE } from '../api.js';
import {
  t, i18n, nameOf, otherNameOf, kindLabel, relationLabel, relationComment, regionText,
  STRUCTURAL_RELATIONS, vocab,
} from '../i18n.js';
import { entityLink, evidenceItem, kindBadge, href, paths, originalHint } from '../components.js';

const ENTITY_QUERY = `
query EntityPage($id: ID!, $after: String) {
  entity(id: $id) {
    ...Brief iri degree
    names { zhHans zhHant pinyin en enEstablished aliases { text script } }
    regions { ...Brief }
    evidence { ...Ev }
    relations(first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id kind direction inferred other { ...Brief } evidence { ...Ev } }
    }
    ... on Document { date number }
    ... on Task { document { ...Brief } }
    ... on Section { document { ...Brief } }
    ... on Target { document { ...Brief } }
  }
}${BRIEF}${EVIDENCE}`;

/** At most this many pages of relations (100 each) are read for one page. */
const MAX_PAGES = 10;

export async function loadEntity(id) {
  let data = await gql(ENTITY_QUERY, { id, after: null });
  const entity = { ...data.entity };
  const relations = [...data.entity.relations.nodes];
  let pageInfo = data.entity.relations.pageInfo;
  for (let page = 1; page < MAX_PAGES && pageInfo.hasNextPage; page += 1) {
    data = await gql(ENTITY_QUERY, { id, after: pageInfo.endCursor });
    relations.push(...data.entity.relations.nodes);
    pageInfo = data.entity.relations.pageInfo;
  }
  entity.allRelations = relations;
  return entity;
}

export async function renderEntity(ctx) {
  const [id] = ctx.params;
  const e = await loadEntity(id);
  if (!ctx.alive()) return;
  ctx.setTitle(nameOf(e));
  const other = otherNameOf(e);
  const where = regionText(e.regions);

  const actions = [
    h('a', { class: 'button', href: paths.graph(e.id) }, t('openGraph')),
    h('a', { class: 'button', href: href('/explore/path', { from: e.id }) }, t('findPathFrom')),
  ];
  if (e.kind === 'INDUSTRY') actions.push(h('a', { class: 'button', href: href('/explore/industry', { industry: e.id }) }, t('whoSupports')));
  if (e.kind === 'DOCUMENT') actions.push(h('a', { class: 'button', href: paths.document(e.id) }, t('openDocument')));
  if (e.document && e.evidence[0]) actions.push(h('a', { class: 'button', href: paths.document(e.document.id, e.evidence[0]) }, t('openDocument')));
  if (e.kind === 'REGION') actions.push(h('a', { class: 'button', href: href('/explore/targets', { region: e.id }) }, t('targetsForRegion')));

  ctx.main.append(
    h('header', { class: 'entity-head' },
      h('h1', { id: 'entity-title', lang: i18n.lang === 'en' && other ? 'en' : 'zh-Hans' }, nameOf(e)),
      originalHint(e) ? h('p', { class: 'hint' }, originalHint(e)) : null,
      other ? h('p', { class: 'entity-other', lang: i18n.lang === 'en' ? 'zh-Hans' : 'en' }, other) : null,
      h('p', { class: 'entity-meta' },
        kindBadge(e.kind),
        where ? h('span', { class: 'entity-region' }, `${t('region')}：`, e.regions.slice(0, 3).map((r, i) => [i ? ' · ' : '', entityLink(r)])) : null),
      h('div', { class: 'actions' }, actions)),
  );

  ctx.main.append(namesSection(e));
  ctx.main.append(relationsSection(e));
  if (e.evidence.length > 0) {
    ctx.main.append(h('section', { class: 'panel', 'aria-labelledby': 'mentioned-title' },
      h('h2', { id: 'mentioned-title' }, t('mentionedIn'), h('span', { class: 'count' }, ` (${e.evidence.length})`)),
      h('div', { class: 'evidence-list' }, e.evidence.map(evidenceItem))));
  }
}

function namesSection(e) {
  const n = e.names;
  const row = (label, value, lang, extra) =>
    h('tr', {}, h('th', { scope: 'row' }, label), h('td', { lang }, value || (extra ? null : '—'), extra || null));
  return h('section', { class: 'panel', 'aria-labelledby': 'names-title' },
    h('h2', { id: 'names-title' }, t('names')),
    h('table', { class: 'names' },
      h('tbody', {},
        row(t('zhHans'), n.zhHans, 'zh-Hans'),
        row(t('zhHant'), n.zhHant, 'zh-Hant'),
        row(t('pinyin'), n.pinyin, 'zh-Latn-pinyin'),
        row(t('english'), n.en, 'en',
          n.en ? h('span', { class: 'tag' }, n.enEstablished ? t('enEstablished') : t('enTranslated')) : null),
        row(t('aliases'), n.aliases.length === 0 ? t('noAliases') : null, 'zh',
          n.aliases.length === 0 ? null : h('ul', { class: 'aliases' }, n.aliases.map((a) =>
            h('li', { lang: a.script === 'TRADITIONAL' ? 'zh-Hant' : 'zh-Hans' }, a.text,
              h('span', { class: 'muted' }, ` (${a.script === 'TRADITIONAL' ? t('scriptTraditional') : t('scriptSimplified')})`))))),
        row(t('kind'), kindLabel(e.kind), null),
        row('IRI', null, null, h('code', {}, e.iri)))));
}

/** Relations grouped by kind and direction, the substantive ones first. */
function relationsSection(e) {
  const groups = new Map();
  for (const r of e.allRelations) {
    const key = `${r.kind}|${r.direction}`;
    if (!groups.has(key)) groups.set(key, { kind: r.kind, direction: r.direction, items: [] });
    groups.get(key).items.push(r);
  }
  const order = vocab().relations.map((k) => k.enum);
  const sorted = [...groups.values()].sort((a, b) => {
    const sa = STRUCTURAL_RELATIONS.has(a.kind) ? 1 : 0;
    const sb = STRUCTURAL_RELATIONS.has(b.kind) ? 1 : 0;
    return sa - sb || order.indexOf(a.kind) - order.indexOf(b.kind) || (a.direction < b.direction ? -1 : 1);
  });
  const section = h('section', { class: 'panel', 'aria-labelledby': 'relations-title' },
    h('h2', { id: 'relations-title' }, t('relations'),
      h('span', { class: 'count' }, ` (${t('relationsCount', { n: e.allRelations.length })})`)));
  if (sorted.length === 0) {
    section.append(h('p', { class: 'empty' }, t('noRelations')));
    return section;
  }
  const substantive = sorted.filter((g) => !STRUCTURAL_RELATIONS.has(g.kind));
  const structural = sorted.filter((g) => STRUCTURAL_RELATIONS.has(g.kind));
  for (const g of substantive) section.append(relationGroup(e, g, true));
  if (structural.length > 0) {
    const total = structural.reduce((n, g) => n + g.items.length, 0);
    // Open when there is nothing else to see, so that every relation shows its quote.
    const details = h('details', { class: 'structural', open: substantive.length === 0 || total <= 12 },
      h('summary', {}, `${t('structural')} (${total})`));
    for (const g of structural) details.append(relationGroup(e, g, false));
    section.append(details);
  }
  return section;
}

function relationGroup(e, g, open) {
  const label = relationLabel(g.kind);
  // «this kind …» for outgoing relations, «… kind this» for incoming ones.
  const heading = g.direction === 'OUTGOING'
    ? [h('span', { class: 'self' }, nameOf(e)), ' ', h('span', { class: 'rel' }, label), ' …']
    : ['… ', h('span', { class: 'rel' }, label), ' ', h('span', { class: 'self' }, nameOf(e))];
  const headingId = `rel-${g.kind}-${g.direction}`;
  return h('section', { class: 'rel-group', dataset: { kind: g.kind, direction: g.direction }, 'aria-labelledby': headingId },
    // The vocabulary's comments are in English: offered as a tooltip in the English interface only.
    h('h3', { id: headingId, title: i18n.lang === 'en' ? relationComment(g.kind) : null }, heading, h('span', { class: 'count' }, ` (${g.items.length})`)),
    h('ul', { class: 'relations' },
      g.items.map((r) => h('li', { class: 'relation', dataset: { relation: r.id } },
        h('div', { class: 'relation-other' },
          entityLink(r.other, { badge: true, secondary: open }),
          r.inferred ? h('span', { class: 'tag inferred-tag' }, t('inferred')) : null),
        h('div', { class: 'evidence-list' }, r.evidence.map(evidenceItem))))));
}
