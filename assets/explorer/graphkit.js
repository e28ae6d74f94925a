// Drawing graphs with Cytoscape (vendored from the npm registry, see assets/vendor/README.md):
// the style shared by the graph and path views (the agency network brings its own).

import cytoscape from '/assets/vendor/cytoscape/cytoscape.esm.min.mjs';
import { i18n, nameOf, kindColour, relationLabel } from './i18n.js';

export const graphFont = 'system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif';

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
        'font-family': graphFont,
        'font-size': 12,
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
        'font-family': graphFont,
        // Legible at the default zoom: as large as the node labels, on a white band.
        'font-size': 12,
        color: '#2d3640',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': 2,
        'text-background-shape': 'round-rectangle',
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
export function createGraph(container, elements, { layout = forceLayout(), edgeLabels = false, style: own = null } = {}) {
  const cy = cytoscape({
    container,
    elements,
    style: own || style(edgeLabels),
    layout,
    minZoom: 0.15,
    maxZoom: 4,
    boxSelectionEnabled: false,
  });
  keepLabelsLegible(cy);
  return cy;
}

/** The smallest label size on screen, in CSS pixels, down to a zoom of 0.5. */
const SCREEN_FONT = 12;

/**
 * Fitting a large graph into the window zooms out, and fixed-size labels shrink with it past
 * reading: grow the labels' size as the zoom falls (up to twice), so that they stay about
 * SCREEN_FONT pixels on screen.
 */
function keepLabelsLegible(cy) {
  let pending = false;
  const update = () => {
    pending = false;
    if (cy.destroyed()) return;
    const size = Math.min(SCREEN_FONT * 2, Math.max(SCREEN_FONT, SCREEN_FONT / cy.zoom()));
    cy.batch(() => cy.elements().style('font-size', size));
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(update);
  };
  cy.on('zoom', schedule);
  cy.on('layoutstop', schedule);
  schedule();
}
