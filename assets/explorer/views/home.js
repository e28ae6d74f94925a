// The start page (a search box, the graph's figures, starting points, the other views) and the
// full list of search results.

import { h } from '../dom.js';
import { gql, BRIEF } from '../api.js';
import { t, vocab, nameOf, otherNameOf, STRUCTURAL_KINDS, kindLabel } from '../i18n.js';
import { entityPicker, entityLink, hitContent, href, paths, searchEntities, kindBadge } from '../components.js';

const HOME_QUERY = `
query Home($kinds: [EntityKind!]) {
  statistics { entities relations inferredRelations quotes byKind { key count } }
  mostConnected(kinds: $kinds, first: 16) { degree entity { ...Brief } }
  documents { ...Brief ... on Document { date } }
}${BRIEF}`;

export async function renderHome(ctx) {
  ctx.setTitle('');
  const kinds = vocab().kinds.map((k) => k.enum).filter((k) => !STRUCTURAL_KINDS.has(k) && k !== 'REGION');
  const picker = entityPicker({
    label: t('searchLabel'),
    onPick: (entity) => ctx.navigate(paths.entity(entity.id)),
    onSubmit: (text) => ctx.navigate(href('/explore/search', { q: text })),
  });
  picker.input.classList.add('big-search');
  const hero = h('section', { class: 'hero', 'aria-labelledby': 'home-title' },
    h('h1', { id: 'home-title' }, t('title')),
    h('p', { class: 'tagline' }, t('tagline')),
    picker.element);
  ctx.main.append(hero);

  const data = await gql(HOME_QUERY, { kinds });
  if (!ctx.alive()) return;
  const s = data.statistics;
  const stat = (n, label) => h('div', { class: 'stat' }, h('span', { class: 'stat-n' }, n.toLocaleString()), h('span', { class: 'stat-label' }, label));
  const byKind = new Map(s.byKind.map((c) => [c.key, c.count]));

  ctx.main.append(
    h('section', { class: 'panel', 'aria-labelledby': 'stats-title' },
      h('h2', { id: 'stats-title' }, t('statsTitle')),
      h('div', { class: 'stats' },
        stat(s.entities, t('statEntities')),
        stat(s.relations, t('statRelations')),
        stat(s.quotes, t('statQuotes')),
        stat(s.inferredRelations, t('statInferred'))),
      h('ul', { class: 'kind-counts' },
        vocab().kinds.filter((k) => byKind.get(k.id)).map((k) =>
          h('li', {}, kindBadge(k.enum), ' ', String(byKind.get(k.id)))))),
    h('section', { class: 'panel', 'aria-labelledby': 'start-title' },
      h('h2', { id: 'start-title' }, t('startingPoints')),
      h('ul', { class: 'chips' },
        data.mostConnected.map((r) => h('li', {}, entityLink(r.entity, { badge: true }))))),
    h('section', { class: 'panel', 'aria-labelledby': 'views-title' },
      h('h2', { id: 'views-title' }, t('viewsTitle')),
      h('ul', { class: 'cards' },
        card('/explore/path', t('pathTitle'), t('viewPathDesc')),
        card('/explore/industry', t('industryTitle'), t('viewIndustryDesc')),
        card('/explore/documents', t('documentsTitle'), t('viewDocumentsDesc')),
        card('/explore/targets', t('targetsTitle'), t('viewTargetsDesc')),
        card('/explore/instruments', t('instrumentsTitle'), t('viewInstrumentsDesc')),
        card('/explore/agencies', t('agenciesTitle'), t('viewAgenciesDesc')),
        card('/explore/timeline', t('timelineTitle'), t('viewTimelineDesc')),
        card('/explore/exports', t('exportsTitle'), t('viewExportsDesc')))),
    h('section', { class: 'panel', 'aria-labelledby': 'docs-title' },
      h('h2', { id: 'docs-title' }, t('documentsTitle')),
      h('ul', { class: 'doc-list' },
        data.documents.map((d) => h('li', {},
          h('a', { href: paths.document(d.id) }, nameOf(d)),
          d.date ? h('span', { class: 'muted' }, ` ${d.date}`) : null,
          otherNameOf(d) ? h('div', { class: 'secondary' }, otherNameOf(d)) : null)))),
    h('section', { class: 'panel', 'aria-labelledby': 'api-title' },
      h('h2', { id: 'api-title' }, t('apiTitle')),
      h('ul', {},
        h('li', {}, h('a', { href: '/graphql' }, t('apiGraphql'))),
        h('li', {}, h('a', { href: '/sparql' }, t('apiSparql'))),
        h('li', {}, h('a', { href: '/explore/exports' }, t('exportsTitle'))))),
  );
}

function card(url, title, desc) {
  return h('li', { class: 'card' }, h('a', { href: url }, h('strong', {}, title), h('span', {}, desc)));
}

export async function renderSearch(ctx) {
  const q = (ctx.query.get('q') || '').trim();
  ctx.setTitle(t('searchResultsTitle', { q }));
  const picker = entityPicker({
    label: t('searchLabel'),
    onPick: (entity) => ctx.navigate(paths.entity(entity.id)),
    onSubmit: (text) => ctx.navigate(href('/explore/search', { q: text })),
  });
  picker.input.value = q;
  ctx.main.append(h('h1', {}, t('searchResultsTitle', { q })), picker.element);
  if (!q) return;
  const hits = await searchEntities(q, { first: 50 });
  if (!ctx.alive()) return;
  if (hits.length === 0) {
    ctx.main.append(h('p', { class: 'empty' }, t('searchNone', { q })));
    return;
  }
  ctx.main.append(h('ol', { class: 'results' },
    hits.map((hit) => h('li', {},
      h('a', { href: paths.entity(hit.entity.id), class: 'result', 'aria-label': `${nameOf(hit.entity)} (${kindLabel(hit.entity.kind)})` },
        hitContent(hit))))));
}
