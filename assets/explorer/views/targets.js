// Quantitative targets by region, indicator and year: filters, two charts drawn as plain SVG
// (how many targets each region sets for each year; the values of the targets in one unit) and
// a table, every target linked to the sentence that sets it.

import { h, svg } from '../dom.js';
import { gql, BRIEF } from '../api.js';
import { t, i18n, nameOf, vocab } from '../i18n.js';
import { entityLink, selectField, href, paths } from '../components.js';
import { formatNumber } from './documents.js';

const TARGETS_QUERY = `
query Targets($region: ID, $year: Int, $indicator: String) {
  targets(region: $region, year: $year, indicator: $indicator) {
    ...Brief
    evidence { quote quoteStart quoteEnd document { id } }
    ... on Target {
      indicator indicatorEn value unit year note
      region { ...Brief }
      document { ...Brief }
    }
  }
}${BRIEF}`;

const REGION_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

export async function renderTargets(ctx) {
  ctx.setTitle(t('targetsTitle'));
  const region = ctx.query.get('region') || '';
  const yearText = ctx.query.get('year') || '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const indicator = (ctx.query.get('indicator') || '').trim();
  const unitWanted = ctx.query.get('unit') || '';

  const [all, filtered] = await Promise.all([
    gql(TARGETS_QUERY, { region: null, year: null, indicator: null }),
    gql(TARGETS_QUERY, { region: region || null, year, indicator: indicator || null }),
  ]);
  if (!ctx.alive()) return;
  const everyTarget = all.targets;
  const targets = filtered.targets;

  // Regions that have targets, in the vocabulary's order; years present.
  const targetRegions = new Set(everyTarget.map((x) => x.region && x.region.id).filter(Boolean));
  const regionOptions = vocab().regions.filter((r) => targetRegions.has(r.id) || r.id === region);
  const years = [...new Set(everyTarget.map((x) => x.year))].sort();
  const params = { region, year: year || '', indicator };

  const regionField = selectField({
    label: t('region'),
    name: 'region',
    value: region,
    options: [{ value: '', label: t('anyRegion') }, ...regionOptions.map((r) => ({ value: r.id, label: nameOf(r) }))],
  });
  const yearField = selectField({
    label: t('year'),
    name: 'year',
    value: year || '',
    options: [{ value: '', label: t('anyYear') }, ...years.map((y) => ({ value: y, label: String(y) }))],
  });
  const indicatorId = 'targets-indicator';
  const indicatorInput = h('input', { id: indicatorId, name: 'indicator', type: 'search', value: indicator });
  ctx.main.append(
    h('h1', { id: 'targets-title' }, t('targetsTitle')),
    h('form', {
      class: 'panel form',
      'aria-labelledby': 'targets-title',
      on: {
        submit: (event) => {
          event.preventDefault();
          ctx.navigate(href('/explore/targets', {
            region: regionField.select.value,
            year: yearField.select.value,
            indicator: indicatorInput.value.trim(),
          }));
        },
      },
    },
    h('div', { class: 'form-row' },
      regionField.element,
      yearField.element,
      h('div', { class: 'field' }, h('label', { for: indicatorId }, t('indicatorContains')), indicatorInput)),
    h('button', { type: 'submit', class: 'primary' }, t('filter'))),
  );

  const summary = h('p', { class: 'summary', role: 'status' }, t('targetsCountAll', { n: targets.length }));
  ctx.main.append(summary);
  if (targets.length === 0) {
    ctx.main.append(h('p', { class: 'empty' }, t('targetsNone')));
    return;
  }

  const regionIds = [...new Set(targets.map((x) => (x.region ? x.region.id : '')))];
  const regionOf = new Map(targets.filter((x) => x.region).map((x) => [x.region.id, x.region]));
  const colourOf = new Map(regionIds.map((id, i) => [id, REGION_COLOURS[i % REGION_COLOURS.length]]));

  ctx.main.append(h('div', { class: 'charts' },
    matrixChart(targets, regionIds, regionOf, params),
    valuesChart(targets, colourOf, regionOf, unitWanted, params, ctx)));
  ctx.main.append(targetsTable(targets));
}

/** Circles at (year, region), as large as the number of targets there. */
function matrixChart(targets, regionIds, regionOf, params) {
  const years = [...new Set(targets.map((x) => x.year))].sort();
  const counts = new Map();
  for (const x of targets) {
    const key = `${x.region ? x.region.id : ''}|${x.year}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const max = Math.max(...counts.values());
  const left = 170;
  const top = 30;
  const colW = 80;
  const rowH = 44;
  const width = left + years.length * colW + 20;
  const height = top + regionIds.length * rowH + 10;
  const regionName = (id) => (id && regionOf.get(id) ? nameOf(regionOf.get(id)) : '—');
  const chart = svg('svg', {
    class: 'chart matrix',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': 'matrix-title matrix-desc',
  },
  svg('title', { id: 'matrix-title' }, t('chartMatrix')),
  svg('desc', { id: 'matrix-desc' }, [...counts.entries()].map(([k, n]) => {
    const [r, y] = k.split('|');
    return `${regionName(r)} ${y}: ${n}`;
  }).join('; ')),
  years.map((y, i) => svg('text', { x: left + i * colW + colW / 2, y: 18, 'text-anchor': 'middle', class: 'axis' }, String(y))),
  regionIds.map((r, j) => svg('text', { x: left - 10, y: top + j * rowH + rowH / 2 + 4, 'text-anchor': 'end', class: 'axis' }, regionName(r))),
  regionIds.map((r, j) => years.map((y, i) => {
    const n = counts.get(`${r}|${y}`);
    if (!n) return null;
    const radius = 5 + 14 * Math.sqrt(n / max);
    const cx = left + i * colW + colW / 2;
    const cy = top + j * rowH + rowH / 2;
    return svg('a', { href: href('/explore/targets', { ...params, region: r, year: y }) },
      svg('circle', { cx, cy, r: radius, class: 'bubble' }, svg('title', {}, `${regionName(r)} ${y}: ${n}`)),
      svg('text', { x: cx, y: cy + 4, 'text-anchor': 'middle', class: 'bubble-label' }, String(n)));
  })));
  return h('figure', { class: 'panel chart-box' },
    h('figcaption', {}, h('strong', {}, t('chartMatrix')), h('span', { class: 'muted' }, ` ${t('chartMatrixDesc')}`)),
    h('div', { class: 'chart-scroll' }, chart));
}

/** Horizontal bars for the targets in one unit, coloured by region. */
function valuesChart(targets, colourOf, regionOf, unitWanted, params, ctx) {
  const units = countUnits(targets);
  const unit = units.find((u) => u.unit === unitWanted) ? unitWanted : units[0].unit;
  const rows = targets.filter((x) => x.unit === unit).sort((a, b) => b.value - a.value);
  const max = Math.max(...rows.map((x) => x.value), 0) || 1;
  const labelW = i18n.lang === 'en' ? 400 : 330;
  const barW = 360;
  const rowH = 24;
  const top = 8;
  const width = labelW + barW + 150;
  const height = top + rows.length * rowH + 8;
  const label = (x) => {
    const text = i18n.lang === 'en' && x.indicatorEn ? x.indicatorEn : x.indicator;
    const limit = i18n.lang === 'en' ? 50 : 24;
    return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
  };
  const chart = svg('svg', {
    class: 'chart values',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': 'values-title',
  },
  svg('title', { id: 'values-title' }, t('chartValues', { unit })),
  rows.map((x, i) => {
    const y = top + i * rowH;
    const w = Math.max(2, (barW * x.value) / max);
    const ev = x.evidence.find((e) => x.document && e.document.id === x.document.id) || x.evidence[0];
    const regionName = x.region ? nameOf(x.region) : '—';
    return svg('a', { href: x.document ? paths.document(x.document.id, ev) : paths.entity(x.id) },
      svg('title', {}, `${x.indicator} · ${formatNumber(x.value)} ${x.unit} · ${x.year} · ${regionName}`),
      svg('text', { x: labelW - 8, y: y + 16, 'text-anchor': 'end', class: 'axis' }, label(x)),
      svg('rect', { x: labelW, y: y + 4, width: w, height: rowH - 8, fill: colourOf.get(x.region ? x.region.id : '') || '#888', rx: 2 }),
      svg('text', { x: labelW + w + 6, y: y + 16, class: 'bar-label' }, `${formatNumber(x.value)} ${x.unit} · ${x.year} · ${regionName}`));
  }));
  const unitField = selectField({
    label: t('chartUnit'),
    name: 'unit',
    value: unit,
    options: units.map((u) => ({ value: u.unit, label: `${u.unit} (${u.count})` })),
    onChange: (value) => ctx.navigate(href('/explore/targets', { ...params, unit: value }), { replace: true }),
  });
  const legend = h('ul', { class: 'legend-inline' },
    [...new Set(rows.map((x) => (x.region ? x.region.id : '')))].map((id) => h('li', {},
      h('span', { class: 'swatch', style: { background: colourOf.get(id) }, 'aria-hidden': 'true' }),
      id && regionOf.get(id) ? nameOf(regionOf.get(id)) : '—')));
  return h('figure', { class: 'panel chart-box' },
    h('figcaption', {}, h('strong', {}, t('chartValues', { unit })), h('span', { class: 'muted' }, ` ${t('chartValuesDesc')}`)),
    h('div', { class: 'form-row' }, unitField.element, legend),
    h('div', { class: 'chart-scroll' }, chart));
}

function countUnits(targets) {
  const counts = new Map();
  for (const x of targets) counts.set(x.unit, (counts.get(x.unit) || 0) + 1);
  return [...counts.entries()].map(([unit, count]) => ({ unit, count })).sort((a, b) => b.count - a.count);
}

function targetsTable(targets) {
  return h('section', { class: 'panel', 'aria-labelledby': 'targets-table-title' },
    h('h2', { id: 'targets-table-title' }, t('table')),
    h('table', { class: 'data targets' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('region')),
        h('th', { scope: 'col' }, t('indicator')),
        h('th', { scope: 'col', class: 'num' }, t('value')),
        h('th', { scope: 'col' }, t('year')),
        h('th', { scope: 'col' }, t('note')),
        h('th', { scope: 'col' }, t('source')))),
      h('tbody', {}, targets.map((x) => {
        const ev = x.evidence.find((e) => x.document && e.document.id === x.document.id) || x.evidence[0];
        return h('tr', {},
          h('td', {}, x.region ? entityLink(x.region) : '—'),
          h('td', {}, x.indicator, x.indicatorEn ? h('div', { class: 'secondary', lang: 'en' }, x.indicatorEn) : null),
          h('td', { class: 'num' }, `${formatNumber(x.value)} ${x.unit}`),
          h('td', {}, String(x.year)),
          h('td', {}, x.note || ''),
          h('td', {}, x.document
            ? h('a', { href: paths.document(x.document.id, ev), class: 'quote', title: ev ? ev.quote : '' }, ev ? `“${ev.quote}”` : nameOf(x.document))
            : ''));
      }))));
}
