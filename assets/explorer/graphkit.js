// Drawing graphs with Cytoscape (vendored from the npm registry, see assets/vendor/README.md):
// the style shared by the graph and path views.

import cytoscape from '/assets/vendor/cytoscape/cytoscape.esm.min.mjs';
import { i18n, nameOf, kindColour, relationLabel } from './i18n.js';

const FONT = 'system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif';

function shorten(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The data of a node for an entity (`Brief` fields). */
export function nodeData(entity, { seed = false } = {}) {
  return {
    id: entity.id,
    kind: entity.kind,
    label: shorten(nameOf(entity), i18n.lang === 'en' ? 40 : 20),
    fullName: nameOf(entity),
    colour: kindColour(entity.kind),
    seed,
  };
}

/** The data of an edge for a relation from `source` to `target`. */
export function edgeData({ id, source, target, kind, inferred }) {
  return { id, source, target, kind, inferred: Boolean(inferred), label: relationLabel(kind) };
}

function style(edgeLabels) {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 11,
        color: '#1d2733',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': 120,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        width: 22,
        height: 22,
        'border-width': 1.5,
        'border-color': '#ffffff',
      },
    },
    {
      selector: 'node[?seed]',
      style: { width: 36, height: 36, 'border-width': 3, 'border-color': '#1d2733', 'font-size': 13, 'font-weight': 'bold' },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e8a000' } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 9,
        color: '#4a5560',
        'text-rotation': 'autorotate',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-opacity': edgeLabels ? 1 : 0,
      },
    },
    { selector: 'edge[?inferred]', style: { 'line-style': 'dashed' } },
    {
      selector: 'edge:selected',
      style: { width: 3, 'line-color': '#e8a000', 'target-arrow-color': '#e8a000', 'text-opacity': 1 },
    },
  ];
}

/** A force-directed layout that does not animate (drawn at once, same look every time). */
export function forceLayout({ randomize = true } = {}) {
  return {
    name: 'cose',
    animate: false,
    randomize,
    fit: true,
    padding: 30,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 90,
    edgeElasticity: () => 80,
    nodeDimensionsIncludeLabels: true,
    numIter: 1500,
  };
}

/** A Cytoscape instance in `container` (which must already be in the page and sized). */
export function createGraph(container, elements, { layout = forceLayout(), edgeLabels = false } = {}) {
  return cytoscape({
    container,
    elements,
    style: style(edgeLabels),
    layout,
    minZoom: 0.15,
    maxZoom: 4,
    boxSelectionEnabled: false,
  });
}
