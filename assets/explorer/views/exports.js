// Downloads for analysis in other tools: every export the server offers, what it holds and
// what opens it, and the query endpoints. The neighbourhood exports take an entity, chosen here.

import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { entityPicker, selectField } from '../components.js';

/** The export groups: [titleKey, [[url, whatKey, toolsKey]]]. */
const GROUPS = [
  ['exportGroupNetwork', [
    ['/export/agency-network.gexf', 'exportGexf', 'toolsGephi'],
    ['/export/agency-network.graphml', 'exportGraphml', 'toolsGraphml'],
    ['/export/agency-network.csv', 'exportEdgesCsv', 'toolsCsvNetwork'],
    ['/export/agency-network-nodes.csv', 'exportNodesCsv', 'toolsCsvNetwork'],
    ['/export/agency-network.csv-metadata.json', 'exportCsvw', 'toolsCsvw'],
  ]],
  ['exportGroupGraph', [
    ['/export/graph.gexf', 'exportGraphGexf', 'toolsGephi'],
    ['/export/graph.graphml', 'exportGraphGraphml', 'toolsGraphml'],
  ]],
  ['exportGroupTables', [
    ['/export/instruments.csv', 'exportInstruments', 'toolsTable'],
    ['/export/instrument-document-matrix.csv?level=type', 'exportInstrumentMatrixType', 'toolsTable'],
    ['/export/instrument-document-matrix.csv?level=tool', 'exportInstrumentMatrixTool', 'toolsTable'],
    ['/export/entity-document-matrix.csv', 'exportEntityMatrix', 'toolsMatrix'],
    ['/export/agency-matrix.csv', 'exportAgencyMatrix', 'toolsMatrix'],
  ]],
];

function exportItem(url, whatKey, toolsKey) {
  return h('li', { class: 'export', dataset: { url } },
    h('a', { href: url, class: 'export-link' }, h('code', {}, url)),
    h('p', { class: 'export-what' }, t(whatKey)),
    h('p', { class: 'export-tools muted' }, t('opensIn'), ' ', t(toolsKey)));
}

export function renderExports(ctx) {
  ctx.setTitle(t('exportsTitle'));
  ctx.main.append(
    h('h1', {}, t('exportsTitle')),
    h('p', { class: 'help' }, t('exportsHelp')),
    h('p', {}, h('a', { href: '/export' }, t('exportIndex'))),
    ...GROUPS.map(([titleKey, items]) => h('section', { class: 'panel', 'aria-labelledby': `${titleKey}-title` },
      h('h2', { id: `${titleKey}-title` }, t(titleKey)),
      titleKey === 'exportGroupNetwork' ? h('p', { class: 'help' }, t('exportNetworkParams')) : null,
      titleKey === 'exportGroupTables' ? h('p', { class: 'help' }, t('exportAgencyMatrixParams')) : null,
      h('ul', { class: 'exports' }, items.map((item) => exportItem(...item))))),
    neighbourhoodSection(),
    h('section', { class: 'panel', 'aria-labelledby': 'endpoints-title' },
      h('h2', { id: 'endpoints-title' }, t('endpointsTitle')),
      h('ul', { class: 'exports' },
        h('li', { class: 'export' }, h('a', { href: '/graphql', class: 'export-link' }, h('code', {}, '/graphql')),
          h('p', { class: 'export-what' }, t('endpointGraphql'))),
        h('li', { class: 'export' }, h('a', { href: '/sparql', class: 'export-link' }, h('code', {}, '/sparql')),
          h('p', { class: 'export-what' }, t('endpointSparql'))))),
  );
}

/** An entity and a number of hops make the neighbourhood export links. */
function neighbourhoodSection() {
  const links = h('ul', { class: 'exports', 'aria-live': 'polite' });
  let entity = null;
  const hops = selectField({
    label: t('hops'),
    name: 'hops',
    value: 1,
    options: [1, 2, 3].map((n) => ({ value: n, label: String(n) })),
    onChange: () => update(),
  });
  const picker = entityPicker({
    label: t('neighbourhoodOf'),
    onPick: (e) => {
      entity = e;
      update();
    },
    name: 'neighbourhood',
  });
  function update() {
    clear(links);
    if (!entity) {
      links.append(h('li', { class: 'muted' }, t('neighbourhoodPick')));
      return;
    }
    const qs = `?id=${encodeURIComponent(entity.id)}&hops=${hops.select.value}`;
    links.append(
      exportItem(`/export/neighborhood.gexf${qs}`, 'exportNeighbourhoodGexf', 'toolsGephi'),
      exportItem(`/export/neighborhood.graphml${qs}`, 'exportNeighbourhoodGraphml', 'toolsGraphml'));
  }
  update();
  return h('section', { class: 'panel', 'aria-labelledby': 'neighbourhood-title' },
    h('h2', { id: 'neighbourhood-title' }, t('exportGroupNeighbourhood')),
    h('p', { class: 'help' }, t('exportNeighbourhoodHelp')),
    h('div', { class: 'form' }, h('div', { class: 'form-row' }, picker.element, hops.element)),
    links);
}
