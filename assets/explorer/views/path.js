// The path finder: the shortest paths between two entities, drawn left to right and listed step
// by step with the sentence behind each step.

import { h } from '../dom.js';
import { gql, BRIEF, EVIDENCE } from '../api.js';
import { t, nameOf, relationLabel, vocab, STRUCTURAL_RELATIONS } from '../i18n.js';
import { entityPicker, entityLink, evidenceItem, selectField, checkboxField, href, paths } from '../components.js';
import { createGraph, nodeData, edgeData } from '../graphkit.js';

const NODES_QUERY = `query PathEnds($ids: [ID!]!) { nodes(ids: $ids) { ...Brief } }${BRIEF}`;

const PATHS_QUERY = `
query Paths($from: ID!, $to: ID!, $maxHops: Int!, $relationKinds: [RelationKind!]) {
  paths(from: $from, to: $to, maxHops: $maxHops, relationKinds: $relationKinds, limit: 10) {
    length
    nodes { ...Brief }
    steps {
      from { id }
      to { id }
      relation { id kind direction inferred evidence { ...Ev } }
    }
  }
}${BRIEF}${EVIDENCE}`;

export async function renderPath(ctx) {
  ctx.setTitle(t('pathTitle'));
  const fromId = ctx.query.get('from');
  const toId = ctx.query.get('to');
  const maxHops = Math.min(6, Math.max(1, Number(ctx.query.get('maxHops')) || 4));
  const direct = ctx.query.get('direct') === '1';

  const ids = [fromId, toId].filter(Boolean);
  const ends = ids.length > 0 ? (await gql(NODES_QUERY, { ids })).nodes : [];
  if (!ctx.alive()) return;
  const byId = new Map(ends.map((e) => [e.id, e]));

  const fromPicker = entityPicker({ label: t('pathFrom'), initial: byId.get(fromId) || null, onPick: () => {}, name: 'from' });
  const toPicker = entityPicker({ label: t('pathTo'), initial: byId.get(toId) || null, onPick: () => {}, name: 'to' });
  const hops = selectField({
    label: t('pathMaxHops'),
    name: 'maxHops',
    value: maxHops,
    options: [1, 2, 3, 4, 5, 6].map((n) => ({ value: n, label: String(n) })),
  });
  const directBox = checkboxField({ label: t('pathDirectOnly'), name: 'direct', checked: direct });
  const formMessage = h('p', { class: 'form-message', role: 'status' });
  const form = h('form', {
    class: 'panel form',
    'aria-labelledby': 'path-title',
    on: {
      submit: (event) => {
        event.preventDefault();
        const from = fromPicker.value;
        const to = toPicker.value;
        if (!from || !to) {
          formMessage.textContent = t('pathPick');
          return;
        }
        ctx.navigate(href('/explore/path', {
          from: from.id,
          to: to.id,
          maxHops: hops.select.value === '4' ? null : hops.select.value,
          direct: directBox.box.checked ? '1' : null,
        }));
      },
    },
  },
  h('div', { class: 'form-row' }, fromPicker.element, toPicker.element),
  h('div', { class: 'form-row' }, hops.element, directBox.element),
  h('button', { type: 'submit', class: 'primary' }, t('pathFind')),
  formMessage);

  ctx.main.append(h('h1', { id: 'path-title' }, t('pathTitle')), form);
  if (!fromId || !toId) return;

  const relationKinds = direct
    ? vocab().relations.map((k) => k.enum).filter((k) => !STRUCTURAL_RELATIONS.has(k))
    : null;
  const data = await gql(PATHS_QUERY, { from: fromId, to: toId, maxHops, relationKinds });
  if (!ctx.alive()) return;
  const found = data.paths;
  const results = h('section', { class: 'panel path-results', 'aria-labelledby': 'path-results-title' });
  ctx.main.append(results);
  if (found.length === 0) {
    results.append(h('h2', { id: 'path-results-title' }, t('pathNone', { n: maxHops })));
    return;
  }
  results.append(h('h2', { id: 'path-results-title' }, t('pathFound', { n: found.length, len: found[0].length })));
  const container = h('div', { class: 'cy cy-path', id: 'cy', role: 'img' });
  results.append(container);
  const cy = createGraph(container, pathElements(found), { layout: { name: 'preset', fit: true, padding: 40 }, edgeLabels: true });
  ctx.onLeave(() => cy.destroy());
  container.dataset.nodeCount = String(cy.nodes().length);
  const summary = found.map((p) => p.nodes.map(nameOf).join(' → ')).join('; ');
  container.setAttribute('aria-label', summary);
  cy.on('tap', 'node', (ev) => ctx.navigate(paths.entity(ev.target.id())));

  results.append(h('ol', { class: 'path-list' }, found.map((p, i) => h('li', { class: 'path', dataset: { path: String(i + 1) } },
    h('h3', {}, t('pathN', { n: i + 1 }), h('span', { class: 'muted' }, ` ${p.nodes.map(nameOf).join(' → ')}`)),
    h('ol', { class: 'steps' }, p.steps.map((step, j) => {
      const from = p.nodes[j];
      const to = p.nodes[j + 1];
      const forward = step.relation.direction === 'OUTGOING';
      const subject = forward ? from : to;
      const object = forward ? to : from;
      return h('li', { class: 'step' },
        h('p', { class: 'step-line' },
          entityLink(from, { badge: true }),
          h('span', { class: 'step-rel' }, forward
            ? ` —${relationLabel(step.relation.kind)}→ `
            : ` ←${relationLabel(step.relation.kind)}— `),
          entityLink(to, { badge: true }),
          step.relation.inferred ? h('span', { class: 'tag inferred-tag' }, t('inferred')) : null),
        h('p', { class: 'sr-only' }, `${nameOf(subject)} ${relationLabel(step.relation.kind)} ${nameOf(object)}`),
        h('div', { class: 'evidence-list' }, step.relation.evidence.map(evidenceItem)));
    }))))));
}

/** Nodes placed in columns by step and rows by path; a node shared by paths is drawn once. */
function pathElements(found) {
  const placed = new Map();
  const edges = new Map();
  const last = found[0].length;
  found.forEach((p, row) => {
    p.nodes.forEach((n, col) => {
      if (placed.has(n.id)) return;
      const ends = col === 0 || col === last;
      placed.set(n.id, {
        group: 'nodes',
        data: nodeData(n, { seed: ends }),
        position: { x: col * 230, y: ends ? ((found.length - 1) * 90) / 2 : row * 90 },
      });
    });
    p.steps.forEach((s) => {
      const forward = s.relation.direction === 'OUTGOING';
      const source = forward ? s.from.id : s.to.id;
      const target = forward ? s.to.id : s.from.id;
      if (!edges.has(s.relation.id)) {
        edges.set(s.relation.id, { group: 'edges', data: edgeData({ id: s.relation.id, source, target, kind: s.relation.kind, inferred: s.relation.inferred }) });
      }
    });
  });
  return [...placed.values(), ...edges.values()];
}

