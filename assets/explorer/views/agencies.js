// The agency network: bodies linked when a task names both of them responsible, weighted by how
// many tasks they share, drawn with Cytoscape; node size shows a chosen centrality and colour
// the community. A line (or a row of the pairs table, for the keyboard) lists the shared tasks
// with the sentence naming the responsible bodies. The URL keeps the choices:
// `?document=ID&collective=false&size=betweenness`; the export links take the same query.

import { h, clear } from '../dom.js';
import { gql, BRIEF } from '../api.js';
import { t, nameOf } from '../i18n.js';
import {
  entityLink, selectField, checkboxField, href, paths, citeControl, nameText, langOfName, originalHint, errorBox, loading,
} from '../components.js';
import { createGraph, forceLayout, graphFont } from '../graphkit.js';
import { formatNumber } from './documents.js';

const CENTRALITIES = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'eigenvector'];

const DOCUMENTS_QUERY = `query AgencyDocuments { documents { ...Brief ... on Document { date } } }${BRIEF}`;

const NETWORK_QUERY = `
query AgencyNetwork($document: ID, $collective: Boolean!) {
  agencyNetwork(document: $document, collective: $collective) {
    modularity communities
    nodes { agency { ...Brief } collective provisions degree weightedDegree betweenness closeness eigenvector community }
    edges {
      source { id } target { id } weight
      provisions { ...Brief ... on Task { number document { id } } ... on Section { number document { id } } }
    }
  }
}${BRIEF}`;

// The sentences naming who is responsible are the evidence of the tasks' responsible-agency
// relations (a provision's own evidence is its title).
const RESPONSIBILITY_QUERY = `
query Responsibility($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    relations(kinds: [RESPONSIBLE_AGENCY], first: 50) {
      nodes { other { id } evidence { quote quoteStart quoteEnd document { id } citation { gbt7714 bibtex } } }
    }
  }
}`;

// Tableau 10, which stays distinguishable for most colour-vision deficiencies.
const COMMUNITY_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** The query string shared by the view and the export links. */
function networkParams({ document, collective, size }) {
  return { document: document || null, collective: collective ? null : 'false', size: size === 'degree' ? null : size };
}

export function exportQuery({ document, collective }) {
  return href('', { document: document || null, collective: collective ? null : 'false' });
}

function centralityValue(node, size) {
  return node[size] ?? 0;
}

function formatCentrality(value, size) {
  if (value === null || value === undefined) return '—';
  return size === 'degree' || size === 'weightedDegree' ? String(value) : value.toFixed(3);
}

export async function renderAgencies(ctx) {
  ctx.setTitle(t('agenciesTitle'));
  const documentId = ctx.query.get('document') || '';
  const collective = ctx.query.get('collective') !== 'false';
  const size = CENTRALITIES.includes(ctx.query.get('size')) ? ctx.query.get('size') : 'degree';
  const [docs, data] = await Promise.all([
    gql(DOCUMENTS_QUERY),
    gql(NETWORK_QUERY, { document: documentId || null, collective }),
  ]);
  if (!ctx.alive()) return;
  const network = data.agencyNetwork;
  const byId = new Map(network.nodes.map((n) => [n.agency.id, n]));

  const docField = selectField({
    label: t('document'),
    name: 'document',
    value: documentId,
    options: [{ value: '', label: t('allDocuments') }, ...docs.documents.map((d) => ({ value: d.id, label: nameOf(d) }))],
  });
  const collectiveBox = checkboxField({ label: t('leaveOutCollective'), name: 'collective', checked: !collective });
  const sizeField = selectField({
    label: t('sizeBy'),
    name: 'size',
    value: size,
    options: CENTRALITIES.map((c) => ({ value: c, label: t(`centrality_${c}`) })),
  });
  ctx.main.append(
    h('h1', { id: 'agencies-title' }, t('agenciesTitle')),
    h('p', { class: 'help' }, t('agenciesHelp')),
    h('form', {
      class: 'panel form',
      'aria-labelledby': 'agencies-title',
      on: {
        submit: (event) => {
          event.preventDefault();
          ctx.navigate(href('/explore/agencies', networkParams({
            document: docField.select.value,
            collective: !collectiveBox.box.checked,
            size: sizeField.select.value,
          })));
        },
      },
    },
    h('div', { class: 'form-row' }, docField.element, sizeField.element),
    h('div', { class: 'form-row' }, collectiveBox.element),
    h('button', { type: 'submit', class: 'primary' }, t('show'))),
  );

  const summary = t('networkSummary', {
    nodes: network.nodes.length,
    edges: network.edges.length,
    communities: network.communities,
    modularity: network.modularity.toFixed(3),
  });
  ctx.main.append(h('p', { class: 'summary', role: 'status', id: 'network-summary' }, summary));
  if (network.nodes.length === 0) {
    ctx.main.append(h('p', { class: 'empty' }, t('networkEmpty')), downloads({ document: documentId, collective }));
    return;
  }

  const container = h('div', {
    class: 'cy cy-network',
    id: 'cy',
    role: 'img',
    'aria-label': `${t('agenciesTitle')}: ${summary}`,
    dataset: { nodeCount: String(network.nodes.length), edgeCount: String(network.edges.length) },
  });
  const side = h('div', { class: 'graph-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('clickEdge')));
  ctx.main.append(
    h('div', { class: 'graph-layout' },
      h('div', { class: 'graph-main' }, container, communityLegend(network)),
      h('aside', { class: 'graph-side', 'aria-label': t('selected') },
        h('section', { class: 'panel' }, h('h2', {}, t('selected')), side))),
    agencyTable(network, size),
    pairsTable(network, byId, (edge) => showEdge(edge, { focus: true })),
    downloads({ document: documentId, collective }),
  );

  const values = network.nodes.map((n) => centralityValue(n, size));
  const max = Math.max(...values, 0) || 1;
  const maxWeight = Math.max(...network.edges.map((e) => e.weight), 1);
  const elements = [
    ...network.nodes.map((n) => ({
      group: 'nodes',
      data: {
        id: n.agency.id,
        label: nameOf(n.agency),
        colour: COMMUNITY_COLOURS[n.community % COMMUNITY_COLOURS.length],
        size: 18 + 50 * Math.sqrt(centralityValue(n, size) / max),
        collective: n.collective,
      },
    })),
    ...network.edges.map((e, i) => ({
      group: 'edges',
      data: { id: `e${i}`, source: e.source.id, target: e.target.id, weight: e.weight, width: 1 + 7 * (e.weight / maxWeight), index: i },
    })),
  ];
  const cy = createGraph(container, elements, { layout: { ...forceLayout(), idealEdgeLength: () => 140, nodeRepulsion: () => 20000 }, style: networkStyle() });
  ctx.onLeave(() => cy.destroy());
  cy.on('tap', 'edge', (ev) => showEdge(network.edges[ev.target.data('index')], { focus: false }));
  cy.on('tap', 'node', (ev) => showNode(byId.get(ev.target.id())));

  function showNode(node) {
    if (!node) return;
    clear(side);
    side.append(
      h('h3', {}, entityLink(node.agency)),
      h('dl', { class: 'meta' }, CENTRALITIES.map((c) => [
        h('dt', {}, t(`centrality_${c}`)), h('dd', {}, formatCentrality(node[c], c))]),
      h('dt', {}, t('community')), h('dd', {}, String(node.community + 1)),
      h('dt', {}, t('provisionsCount')), h('dd', {}, String(node.provisions))));
  }

  let seq = 0;
  /** Lists an edge's shared tasks beside the graph; from the pairs table, the focus goes there. */
  async function showEdge(edge, { focus }) {
    const mine = ++seq;
    cy.elements(':selected').unselect();
    cy.edges().filter((e) => e.data('index') === network.edges.indexOf(edge)).select();
    clear(side);
    const a = byId.get(edge.source.id).agency;
    const b = byId.get(edge.target.id).agency;
    side.append(
      h('h3', { class: 'edge-title' }, nameText(a), ' — ', nameText(b)),
      h('p', { class: 'muted' }, t('sharedTasks', { n: edge.weight })),
      loading());
    const ids = edge.provisions.map((p) => p.id);
    let details;
    try {
      details = await gql(RESPONSIBILITY_QUERY, { ids });
    } catch (error) {
      if (mine !== seq) return;
      side.lastChild.replaceWith(errorBox(error, () => showEdge(edge, { focus })));
      return;
    }
    if (mine !== seq || !ctx.alive()) return;
    const relationsOf = new Map(details.nodes.map((n) => [n.id, n.relations.nodes]));
    side.lastChild.replaceWith(h('ol', { class: 'shared-tasks', dataset: { count: String(edge.provisions.length) } },
      edge.provisions.map((p) => sharedTask(p, relationsOf.get(p.id) || []))));
    container.dataset.selectedEdge = `${edge.source.id}|${edge.target.id}`;
    if (focus) {
      const heading = side.querySelector('h3');
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      side.scrollIntoView({ block: 'start' });
    }
  }
}

/** A shared task: its number and title (to the document) and each distinct responsibility quote. */
function sharedTask(provision, relations) {
  const quotes = new Map();
  for (const r of relations) for (const ev of r.evidence) if (!quotes.has(ev.quote)) quotes.set(ev.quote, ev);
  const first = [...quotes.values()][0];
  const docId = provision.document ? provision.document.id : (first && first.document.id);
  return h('li', { class: 'shared-task', dataset: { provision: provision.id } },
    h('p', { class: 'code-head' },
      provision.number ? h('span', { class: 'provision-number' }, `${provision.number} `) : null,
      h('a', { href: docId ? paths.document(docId, null) : paths.entity(provision.id), lang: langOfName(provision) }, nameOf(provision)),
      originalHint(provision)),
    [...quotes.values()].map((ev) => h('figure', { class: 'evidence' },
      h('blockquote', { lang: 'zh-Hans' }, h('a', { class: 'quote', href: paths.document(ev.document.id, ev) }, `“${ev.quote}”`)),
      h('figcaption', {}, citeControl(ev.citation)))));
}

function networkStyle() {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-family': graphFont,
        'font-size': 13,
        color: '#1d2733',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': 140,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        'border-width': 1.5,
        'border-color': '#ffffff',
      },
    },
    { selector: 'node[?collective]', style: { shape: 'round-rectangle', 'border-style': 'dashed', 'border-color': '#1d2733' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e8a000' } },
    { selector: 'edge', style: { width: 'data(width)', 'line-color': '#9aa5b1', opacity: 0.75, 'curve-style': 'haystack' } },
    { selector: 'edge:selected', style: { 'line-color': '#e8a000', opacity: 1 } },
  ];
}

function communityLegend(network) {
  const sizes = new Map();
  for (const n of network.nodes) sizes.set(n.community, (sizes.get(n.community) || 0) + 1);
  return h('ul', { class: 'legend-inline network-legend' },
    [...sizes.entries()].sort((a, b) => a[0] - b[0]).map(([c, n]) => h('li', {},
      h('span', { class: 'swatch', style: { background: COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length] }, 'aria-hidden': 'true' }),
      t('communityN', { n: c + 1, size: n }))),
    h('li', {}, h('span', { class: 'swatch square', 'aria-hidden': 'true' }), t('collectiveShape')));
}

/** Every agency, sorted by the chosen centrality (highest first). */
function agencyTable(network, size) {
  const sorted = [...network.nodes].sort((a, b) => centralityValue(b, size) - centralityValue(a, size)
    || b.provisions - a.provisions);
  return h('section', { class: 'panel', 'aria-labelledby': 'agency-table-title' },
    h('h2', { id: 'agency-table-title' }, t('agencyTable', { by: t(`centrality_${size}`) })),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'data agencies' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', class: 'num' }, '#'),
          h('th', { scope: 'col' }, t('agency')),
          h('th', { scope: 'col', class: 'num' }, t('community')),
          h('th', { scope: 'col', class: 'num' }, t('provisionsCount')),
          CENTRALITIES.map((c) => h('th', {
            scope: 'col',
            class: ['num', c === size ? 'sorted' : null],
            'aria-sort': c === size ? 'descending' : null,
          }, t(`centrality_${c}`))))),
        h('tbody', {}, sorted.map((n, i) => h('tr', { dataset: { agency: n.agency.id } },
          h('td', { class: 'num' }, String(i + 1)),
          h('th', { scope: 'row' }, entityLink(n.agency), n.collective ? h('span', { class: 'tag' }, t('collectiveTag')) : null),
          h('td', { class: 'num' },
            h('span', { class: 'swatch', style: { background: COMMUNITY_COLOURS[n.community % COMMUNITY_COLOURS.length] }, 'aria-hidden': 'true' }),
            ` ${n.community + 1}`),
          h('td', { class: 'num' }, String(n.provisions)),
          CENTRALITIES.map((c) => h('td', { class: ['num', c === size ? 'sorted' : null] }, formatCentrality(n[c], c)))))))));
}

/** The pairs, heaviest first, each a button that lists its shared tasks beside the graph. */
function pairsTable(network, byId, onPick) {
  const sorted = [...network.edges].sort((a, b) => b.weight - a.weight);
  const table = h('table', { class: 'data pairs' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('agencyPair')),
      h('th', { scope: 'col', class: 'num' }, t('sharedTasksHeader')),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('sharedTasksShow'))))),
    h('tbody', {}, sorted.map((e) => {
      const a = byId.get(e.source.id).agency;
      const b = byId.get(e.target.id).agency;
      return h('tr', { dataset: { source: e.source.id, target: e.target.id } },
        h('td', {}, entityLink(a), ' — ', entityLink(b)),
        h('td', { class: 'num' }, String(e.weight)),
        h('td', {}, h('button', {
          type: 'button',
          class: 'link-button',
          'aria-label': `${t('sharedTasksShow')}: ${nameOf(a)} — ${nameOf(b)}`,
          on: { click: () => onPick(e) },
        }, t('sharedTasksShow'))));
    })));
  return h('details', { class: 'panel' },
    h('summary', {}, h('h2', { class: 'inline' }, t('pairsTitle'), h('span', { class: 'count' }, ` (${formatNumber(network.edges.length)})`))),
    h('div', { class: 'table-scroll' }, table));
}

function downloads(scope) {
  const qs = exportQuery(scope);
  const link = (path, label, what) => h('li', {}, h('a', { href: `${path}${qs}`, download: '' }, label), ' — ', what);
  return h('section', { class: 'panel', 'aria-labelledby': 'network-downloads-title' },
    h('h2', { id: 'network-downloads-title' }, t('downloadsNetwork')),
    h('ul', { class: 'downloads' },
      link('/export/agency-network.gexf', 'GEXF', t('exportGexf')),
      link('/export/agency-network.graphml', 'GraphML', t('exportGraphml')),
      link('/export/agency-network.csv', t('csvEdges'), t('exportEdgesCsv')),
      link('/export/agency-network-nodes.csv', t('csvNodes'), t('exportNodesCsv'))),
    h('p', {}, h('a', { href: '/explore/exports' }, t('allExports'))));
}
