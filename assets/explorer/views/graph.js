// The graph view: an entity's neighbourhood drawn with Cytoscape. Pan and zoom; click a node to
// see it, double-click (or the button) to expand it; click a line for its evidence; filter by
// kind and relation kind in the legend. The URL keeps the expansions and filters. Sections and
// tasks (parts of the documents, often named like the places they concern) are left out unless
// `structure=1` asks for them.

import { h, clear } from '../dom.js';
import { gql, BRIEF, EVIDENCE } from '../api.js';
import {
  t, nameOf, otherNameOf, kindLabel, relationLabel, kindColour, regionText, vocab,
} from '../i18n.js';
import { entityLink, evidenceItem, kindBadge, errorBox, href, paths } from '../components.js';
import { createGraph, forceLayout, nodeData, edgeData } from '../graphkit.js';

const NEIGHBORHOOD_QUERY = `
query Neighborhood($ids: [ID!]!, $hops: Int!) {
  neighborhood(ids: $ids, hops: $hops, limit: 250) {
    truncated
    nodes { id kind distance entity { ...Brief regions { ...Brief } } }
    edges { id source target kind inferred relation { evidence { ...Ev } } }
  }
}${BRIEF}${EVIDENCE}`;

const MAX_SEEDS = 20;

/** Kinds left out of the graph by default: the documents' sections and tasks. */
const STRUCTURE_KINDS = new Set(['SECTION', 'TASK']);

function listParam(query, key) {
  return (query.get(key) || '').split(',').map((s) => s.trim()).filter(Boolean);
}

export async function renderGraph(ctx) {
  const [seed] = ctx.params;
  const state = {
    seed,
    expand: listParam(ctx.query, 'expand').filter((id) => id !== seed),
    hops: ctx.query.get('hops') === '2' ? 2 : 1,
    hiddenKinds: new Set(listParam(ctx.query, 'hideKinds')),
    hiddenRels: new Set(listParam(ctx.query, 'hideRels')),
    structure: ctx.query.get('structure') === '1',
    shown: new Set(), // the ids of the nodes drawn (see prune)
    nodes: new Map(), // id → { entity, distance }
    edges: new Map(), // id → edge with relation evidence
    truncated: false,
  };
  const seeds = () => [state.seed, ...state.expand].slice(0, MAX_SEEDS);

  const first = await gql(NEIGHBORHOOD_QUERY, { ids: seeds(), hops: state.hops });
  if (!ctx.alive()) return;
  absorb(state, first.neighborhood);
  prune(state, seeds());
  const seedEntity = state.nodes.get(seed)?.entity;
  const title = t('graphTitle', { name: seedEntity ? nameOf(seedEntity) : seed });
  ctx.setTitle(title);

  const status = h('p', { class: 'graph-status', role: 'status' });
  const container = h('div', { class: 'cy', id: 'cy', role: 'img' });
  const side = h('div', { class: 'graph-detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('clickToSee')));
  const legend = h('div', { class: 'graph-legend' });
  const listBox = h('div', { class: 'graph-list' });
  const message = h('div', { class: 'graph-message' });

  const hopsSelect = h('select', { id: 'graph-hops', on: { change: (ev) => ctx.navigate(urlFor({ hops: ev.target.value })) } },
    [1, 2].map((n) => h('option', { value: n, selected: n === state.hops }, String(n))));

  ctx.main.append(
    h('h1', {}, title),
    h('p', { class: 'help' }, t('graphHelp')),
    h('div', { class: 'graph-layout' },
      h('div', { class: 'graph-main' },
        h('div', { class: 'toolbar' },
          h('label', { for: 'graph-hops' }, t('hops')), hopsSelect,
          h('button', { type: 'button', on: { click: () => cy.fit(undefined, 30) } }, t('fit')),
          state.expand.length > 0
            ? h('a', { class: 'button', href: paths.graph(seed, { hops: state.hops }) }, t('reset'))
            : null,
          h('a', { class: 'button', href: paths.entity(seed) }, t('openEntity')),
          structureToggle()),
        message,
        container,
        status),
      h('aside', { class: 'graph-side', 'aria-label': t('legend') },
        h('section', { class: 'panel' }, h('h2', {}, t('selected')), side),
        h('section', { class: 'panel' }, h('h2', {}, t('legend')), legend))),
    h('details', { class: 'panel' }, h('summary', {}, t('graphAsList')), listBox),
    downloads(),
  );

  /** This entity's neighbourhood (over non-structural relations) as files for Gephi or networkx. */
  function downloads() {
    const query = `?id=${encodeURIComponent(seed)}&hops=${state.hops}`;
    return h('p', { class: 'downloads' }, t('graphDownloads'), ' ',
      h('a', { href: `/export/neighborhood.gexf${query}`, download: '' }, 'GEXF'), ' · ',
      h('a', { href: `/export/neighborhood.graphml${query}`, download: '' }, 'GraphML'));
  }

  function structureToggle() {
    const id = 'graph-structure';
    return h('span', { class: 'check' },
      h('input', {
        type: 'checkbox',
        id,
        checked: state.structure,
        on: { change: (ev) => ctx.navigate(urlFor({ structure: ev.target.checked ? '1' : null })) },
      }),
      h('label', { for: id }, t('showStructure')));
  }

  function urlFor(overrides = {}) {
    return paths.graph(state.seed, {
      expand: state.expand,
      hops: state.hops === 1 ? null : state.hops,
      structure: state.structure ? '1' : null,
      hideKinds: [...state.hiddenKinds],
      hideRels: [...state.hiddenRels],
      ...overrides,
    });
  }

  const cy = createGraph(container, elementsOf(state, seeds()), {
    layout: forceLayout(),
    edgeLabels: [...state.edges.values()].filter((e) => state.shown.has(e.source) && state.shown.has(e.target)).length <= 60,
  });
  ctx.onLeave(() => cy.destroy());

  function refresh() {
    applyFilters();
    renderLegend();
    renderList();
    const visibleNodes = cy.nodes().filter((n) => n.style('display') !== 'none').length;
    const visibleEdges = cy.edges().filter((e) => e.visible()).length;
    const summary = t('graphSummary', { nodes: visibleNodes, edges: visibleEdges });
    status.textContent = summary + (state.truncated ? ` ${t('graphTruncated')}` : '');
    container.setAttribute('aria-label', `${title}: ${summary}`);
    container.dataset.nodeCount = String(cy.nodes().length);
    container.dataset.edgeCount = String(cy.edges().length);
  }

  function applyFilters() {
    const seedSet = new Set(seeds());
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const hide = state.hiddenKinds.has(n.data('kind')) && !seedSet.has(n.id());
        n.style('display', hide ? 'none' : 'element');
      });
      cy.edges().forEach((e) => e.style('display', state.hiddenRels.has(e.data('kind')) ? 'none' : 'element'));
    });
  }

  function renderLegend() {
    clear(legend);
    const kindCounts = countBy([...state.nodes.values()].filter((n) => state.shown.has(n.entity.id)).map((n) => n.entity.kind));
    const relCounts = countBy(shownEdges(state).map((e) => e.kind));
    const kindOrder = vocab().kinds.map((k) => k.enum).filter((k) => kindCounts.has(k));
    const relOrder = vocab().relations.map((k) => k.enum).filter((k) => relCounts.has(k));
    legend.append(
      h('fieldset', { class: 'filters', dataset: { filter: 'kinds' } },
        h('legend', {}, t('filterKinds')),
        kindOrder.map((k) => filterBox(`kind-${k}`, [
          h('span', { class: 'swatch', style: { background: kindColour(k) }, 'aria-hidden': 'true' }),
          `${kindLabel(k)} (${kindCounts.get(k)})`,
        ], !state.hiddenKinds.has(k), (on) => toggle(state.hiddenKinds, k, on)))),
      h('fieldset', { class: 'filters', dataset: { filter: 'relations' } },
        h('legend', {}, t('filterRelations')),
        relOrder.map((k) => filterBox(`rel-${k}`, `${relationLabel(k)} (${relCounts.get(k)})`,
          !state.hiddenRels.has(k), (on) => toggle(state.hiddenRels, k, on)))),
    );
  }

  function toggle(set, key, on) {
    if (on) set.delete(key);
    else set.add(key);
    history.replaceState(null, '', urlFor());
    refresh();
  }

  function renderList() {
    clear(listBox);
    const visible = shownEdges(state).filter((e) => {
      const s = state.nodes.get(e.source);
      const o = state.nodes.get(e.target);
      return s && o && !state.hiddenRels.has(e.kind)
        && cy.getElementById(e.source).style('display') !== 'none'
        && cy.getElementById(e.target).style('display') !== 'none';
    });
    listBox.append(h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('subject')), h('th', { scope: 'col' }, t('relation')), h('th', { scope: 'col' }, t('object')))),
      h('tbody', {}, visible.map((e) => h('tr', {},
        h('td', {}, entityLink(state.nodes.get(e.source).entity)),
        h('td', {}, relationLabel(e.kind), e.inferred ? h('span', { class: 'tag inferred-tag' }, t('inferred')) : null),
        h('td', {}, entityLink(state.nodes.get(e.target).entity)))))));
  }

  function showNode(id) {
    const n = state.nodes.get(id);
    if (!n) return;
    const e = n.entity;
    const other = otherNameOf(e);
    const where = regionText(e.regions);
    const isSeed = seeds().includes(id);
    clear(side);
    side.append(
      h('h3', {}, entityLink(e)),
      other ? h('p', { class: 'secondary' }, other) : null,
      h('p', {}, kindBadge(e.kind), where ? h('span', { class: 'muted' }, ` ${where}`) : null),
      h('div', { class: 'actions' },
        isSeed ? null : h('button', { type: 'button', class: 'expand', on: { click: () => expand(id) } }, t('expand')),
        h('a', { class: 'button', href: paths.entity(id) }, t('openEntity')),
        h('a', { class: 'button', href: href('/explore/path', { from: id }) }, t('findPathFrom'))),
      neighbourList(id),
    );
  }

  /** The node's visible neighbours as buttons: a way through the graph by keyboard. */
  function neighbourList(id) {
    const neighbours = cy.getElementById(id).neighborhood('node').filter((n) => n.style('display') !== 'none');
    if (neighbours.length === 0) return null;
    const shown = neighbours.toArray().slice(0, 40);
    return h('div', { class: 'neighbours' },
      h('h4', {}, t('neighbours', { n: neighbours.length })),
      h('ul', {}, shown.map((n) => h('li', {},
        h('button', {
          type: 'button',
          class: 'link-button',
          dataset: { node: n.id() },
          on: { click: () => selectNode(n.id()) },
        }, h('span', { class: 'swatch', style: { background: kindColour(n.data('kind')) }, 'aria-hidden': 'true' }), n.data('fullName'))))));
  }

  function selectNode(id) {
    const node = cy.getElementById(id);
    if (node.empty()) return;
    cy.elements(':selected').unselect();
    node.select();
    cy.center(node);
    showNode(id);
  }

  function showEdge(id) {
    const e = state.edges.get(id);
    if (!e) return;
    clear(side);
    side.append(
      h('p', { class: 'edge-title' },
        entityLink(state.nodes.get(e.source).entity), ' ',
        h('strong', {}, `—${relationLabel(e.kind)}→`), ' ',
        entityLink(state.nodes.get(e.target).entity),
        e.inferred ? h('span', { class: 'tag inferred-tag' }, t('inferred')) : null),
      h('div', { class: 'evidence-list' }, e.relation.evidence.map(evidenceItem)),
    );
  }

  async function expand(id) {
    if (seeds().includes(id)) return;
    clear(message);
    if (seeds().length >= MAX_SEEDS) {
      message.append(h('p', { class: 'notice', role: 'status' }, t('expandLimit')));
      return;
    }
    state.expand.push(id);
    history.replaceState(null, '', urlFor());
    let data;
    try {
      data = await gql(NEIGHBORHOOD_QUERY, { ids: seeds(), hops: state.hops });
    } catch (error) {
      state.expand.pop();
      history.replaceState(null, '', urlFor());
      if (ctx.alive()) message.append(errorBox(error, () => expand(id)));
      return;
    }
    if (!ctx.alive()) return;
    const before = new Set(state.shown);
    absorb(state, data.neighborhood);
    prune(state, seeds());
    const origin = cy.getElementById(id).position();
    const fresh = elementsOf(state, seeds()).filter((el) => cy.getElementById(el.data.id).empty());
    fresh.forEach((el, i) => {
      if (el.group === 'nodes' && !before.has(el.data.id)) {
        const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
        el.position = { x: origin.x + 80 * Math.cos(angle), y: origin.y + 80 * Math.sin(angle) };
      }
    });
    cy.add(fresh);
    cy.getElementById(id).data('seed', true);
    cy.layout(forceLayout({ randomize: false })).run();
    refresh();
    selectNode(id);
  }

  cy.on('tap', 'node', (ev) => showNode(ev.target.id()));
  cy.on('dbltap', 'node', (ev) => expand(ev.target.id()));
  cy.on('tap', 'edge', (ev) => showEdge(ev.target.id()));
  refresh();
  showNode(seed);
  cy.getElementById(seed).select();
}

function filterBox(id, label, checked, onChange) {
  const boxId = `filter-${id}`;
  return h('div', { class: 'check' },
    h('input', { type: 'checkbox', id: boxId, checked, on: { change: (ev) => onChange(ev.target.checked) } }),
    h('label', { for: boxId }, label));
}

function countBy(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) || 0) + 1);
  return counts;
}

function absorb(state, view) {
  for (const n of view.nodes) state.nodes.set(n.id, { entity: { ...n.entity, kind: n.kind }, distance: n.distance });
  for (const e of view.edges) state.edges.set(e.id, e);
  state.truncated = state.truncated || view.truncated;
}

/**
 * Decides which nodes are drawn: without `structure`, sections and tasks (other than seeds) are
 * left out, and so is whatever was reached only through them, so that nothing floats unlinked.
 */
function prune(state, seedIds) {
  const keep = (id) => {
    const n = state.nodes.get(id);
    return n && (state.structure || !STRUCTURE_KINDS.has(n.entity.kind) || seedIds.includes(id));
  };
  const links = new Map();
  for (const e of state.edges.values()) {
    if (!keep(e.source) || !keep(e.target)) continue;
    if (!links.has(e.source)) links.set(e.source, []);
    if (!links.has(e.target)) links.set(e.target, []);
    links.get(e.source).push(e.target);
    links.get(e.target).push(e.source);
  }
  const shown = new Set(seedIds.filter((id) => state.nodes.has(id)));
  const queue = [...shown];
  while (queue.length > 0) {
    const id = queue.shift();
    for (const next of links.get(id) || []) {
      if (!shown.has(next)) {
        shown.add(next);
        queue.push(next);
      }
    }
  }
  state.shown = shown;
}

function shownEdges(state) {
  return [...state.edges.values()].filter((e) => state.shown.has(e.source) && state.shown.has(e.target));
}

function elementsOf(state, seedIds) {
  const seedSet = new Set(seedIds);
  const nodes = [...state.nodes.values()]
    .filter((n) => state.shown.has(n.entity.id))
    .map((n) => ({ group: 'nodes', data: nodeData(n.entity, { seed: seedSet.has(n.entity.id) }) }));
  const edges = shownEdges(state).map((e) => ({ group: 'edges', data: edgeData(e) }));
  return [...nodes, ...edges];
}
