// Quantitative targets, summarised to answer "what does each region aim for, and by when":
// filters, a region × year overview of how many distinct targets there are, then per region and
// year the targets grouped by measure. A document often states one target twice (in its goals
// and again in a task): targets of the same measure, value and year are shown once, with every
// quote that states them one click away.

import { h } from '../dom.js';
import { gql, BRIEF } from '../api.js';
import { t, i18n, nameOf, vocab } from '../i18n.js';
import { selectField, href, paths, citeControl, foreignNote, nameText, langOfName } from '../components.js';
import { formatNumber } from './documents.js';

const TARGETS_QUERY = `
query Targets($region: ID, $year: Int, $indicator: String) {
  targets(region: $region, year: $year, indicator: $indicator) {
    ...Brief
    evidence { quote quoteStart quoteEnd document { ...Brief } citation { gbt7714 bibtex } }
    ... on Target {
      indicator indicatorEn value unit year note
      measure { id zh en }
      region { ...Brief }
      document { ...Brief }
    }
  }
}${BRIEF}`;

/** What a target counts, in the interface language: its measure, else its own wording. */
function measureLabel(x) {
  if (x.measure) return i18n.lang === 'en' ? x.measure.en : x.measure.zh;
  return i18n.lang === 'en' && x.indicatorEn ? x.indicatorEn : x.indicator;
}

/**
 * Targets of one region, measure, value and year are one: the same aim stated more than once
 * (the unit's wording may differ, 个 and 家).
 */
export function groupTargets(targets) {
  const groups = new Map();
  for (const x of targets) {
    const key = [x.region ? x.region.id : '', x.measure ? x.measure.id : x.indicator, x.value, x.year].join('|');
    if (!groups.has(key)) groups.set(key, { key, first: x, region: x.region, year: x.year, targets: [] });
    groups.get(key).targets.push(x);
  }
  return [...groups.values()];
}

export async function renderTargets(ctx) {
  ctx.setTitle(t('targetsTitle'));
  const region = ctx.query.get('region') || '';
  const yearText = ctx.query.get('year') || '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const indicator = (ctx.query.get('indicator') || '').trim();

  const [all, filtered] = await Promise.all([
    gql(TARGETS_QUERY, { region: null, year: null, indicator: null }),
    gql(TARGETS_QUERY, { region: region || null, year, indicator: indicator || null }),
  ]);
  if (!ctx.alive()) return;
  const everyTarget = all.targets;
  const targets = filtered.targets;

  const targetRegions = new Set(everyTarget.map((x) => x.region && x.region.id).filter(Boolean));
  const regionOptions = vocab().regions.filter((r) => targetRegions.has(r.id) || r.id === region);
  const years = [...new Set(everyTarget.map((x) => x.year))].sort();
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
    h('p', { class: 'help' }, t('targetsHelp')),
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
      h('div', { class: 'field' }, h('label', { for: indicatorId }, t('indicatorContains')), indicatorInput),
      h('button', { type: 'submit', class: 'primary' }, t('filter')))),
  );

  const groups = groupTargets(targets);
  ctx.main.append(h('p', { class: 'summary', role: 'status' }, t('targetsSummary', { n: targets.length, distinct: groups.length })));
  if (targets.length === 0) {
    ctx.main.append(h('p', { class: 'empty' }, t('targetsNone')));
    return;
  }

  // Regions in the vocabulary's order (the broad ones first), years ascending.
  const order = new Map(vocab().regions.map((r, i) => [r.id, i]));
  const byRegion = new Map();
  for (const g of groups) {
    const id = g.region ? g.region.id : '';
    if (!byRegion.has(id)) byRegion.set(id, { region: g.region, groups: [] });
    byRegion.get(id).groups.push(g);
  }
  const regions = [...byRegion.values()].sort((a, b) => (order.get(a.region?.id) ?? 999) - (order.get(b.region?.id) ?? 999));
  ctx.main.append(
    overview(regions, { region, year, indicator }),
    h('div', { class: 'region-targets' }, balance(regions).map((column) => h('div', { class: 'region-column' }, column.map(regionSection)))),
  );
}

/** Two columns of about equal length, keeping the regions' order within each. */
function balance(regions) {
  const columns = [[], []];
  const lengths = [0, 0];
  for (const r of regions) {
    const i = lengths[0] <= lengths[1] ? 0 : 1;
    columns[i].push(r);
    lengths[i] += r.groups.length + 4;
  }
  return columns.filter((c) => c.length > 0);
}

/** How many distinct targets each region sets for each year, each count a link that filters. */
function overview(regions, params) {
  const years = [...new Set(regions.flatMap((r) => r.groups.map((g) => g.year)))].sort();
  return h('section', { class: 'panel', 'aria-labelledby': 'overview-title' },
    h('h2', { id: 'overview-title' }, t('targetsOverview')),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'data overview' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('region')),
          years.map((y) => h('th', { scope: 'col', class: 'num' }, t('byYear', { year: y }))))),
        h('tbody', {}, regions.map((r) => h('tr', {},
          h('th', { scope: 'row' }, r.region ? h('a', { href: `#region-${r.region.id}`, lang: langOfName(r.region) }, nameOf(r.region)) : '—'),
          years.map((y) => {
            const n = r.groups.filter((g) => g.year === y).length;
            return h('td', { class: 'num' }, n === 0 ? h('span', { class: 'muted' }, '·') : h('a', {
              href: href('/explore/targets', { ...params, region: r.region ? r.region.id : '', year: y }),
              'aria-label': t('overviewCell', { region: r.region ? nameOf(r.region) : '—', year: y, n }),
            }, String(n)));
          })))))));
}

/** One region: per year, the targets grouped by measure. */
function regionSection(r) {
  const id = r.region ? `region-${r.region.id}` : 'region-none';
  const years = [...new Set(r.groups.map((g) => g.year))].sort();
  return h('section', { class: 'panel region-card', id, 'aria-labelledby': `${id}-title`, dataset: { region: r.region ? r.region.id : '' } },
    h('h2', { id: `${id}-title` }, r.region ? nameText(r.region) : '—',
      h('span', { class: 'count' }, ` (${t('targetsCount', { n: r.groups.length })})`)),
    h('table', { class: 'data targets' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('year')),
        h('th', { scope: 'col' }, t('measure')),
        h('th', { scope: 'col', class: 'num' }, t('value')),
        h('th', { scope: 'col' }, t('source')))),
      years.map((y) => {
        const rows = r.groups.filter((g) => g.year === y)
          .sort((a, b) => measureLabel(a.first).localeCompare(measureLabel(b.first), i18n.lang === 'en' ? 'en' : 'zh'));
        return h('tbody', { dataset: { year: String(y) } }, rows.map((g, i) => targetRow(g, i === 0 ? rows.length : 0, y)));
      })));
}

function targetRow(g, span, year) {
  const x = g.first;
  const quotes = g.targets.flatMap((target) => {
    const own = target.evidence.filter((e) => target.document && e.document.id === target.document.id);
    return own.length > 0 ? own : target.evidence.slice(0, 1);
  });
  const distinct = [...new Map(quotes.map((e) => [`${e.quoteStart}|${e.quote}`, e])).values()];
  const notes = [...new Set(g.targets.map((target) => target.note).filter(Boolean))];
  return h('tr', { dataset: { count: String(g.targets.length), measure: x.measure ? x.measure.id : '' } },
    span ? h('th', { scope: 'rowgroup', rowspan: span, class: 'year-cell' }, t('byYear', { year })) : null,
    h('td', {}, measureLabel(x)),
    h('td', { class: 'num' }, `${formatNumber(x.value)} ${x.unit}`),
    h('td', { class: 'quotes-cell' },
      h('details', { class: 'quotes' },
        h('summary', { 'aria-label': t('quotesOf', { n: distinct.length, what: measureLabel(x) }) }, t('quotesShort', { n: distinct.length })),
        g.targets.length > 1 ? h('p', { class: 'muted' }, t('statedTimes', { n: g.targets.length })) : null,
        notes.map((n) => foreignNote('curatorNoteLabel', n)),
        distinct.map((ev) => h('figure', { class: 'evidence' },
          h('blockquote', { lang: 'zh-Hans' }, h('a', { class: 'quote', href: paths.document(ev.document.id, ev) }, `“${ev.quote}”`)),
          h('figcaption', {}, '— ', h('a', { href: paths.document(ev.document.id, null), lang: langOfName(ev.document) }, nameOf(ev.document)),
            citeControl(ev.citation)))))));
}
