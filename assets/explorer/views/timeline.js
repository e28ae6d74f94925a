// The documents over time: when each was issued, which named entities recur from one to the
// next (and how each document writes them), what a later document keeps, adds and drops of an
// earlier one, and the series of targets that several documents or regions set for one measure.
// `?earlier=ID&later=ID` chooses the two documents compared.

import { h, svg } from '../dom.js';
import { gql, BRIEF } from '../api.js';
import { t, i18n, nameOf, kindLabel, vocab } from '../i18n.js';
import {
  entityLink, kindBadge, selectField, href, paths, foreignNote, nameText, langOfName,
} from '../components.js';
import { formatNumber } from './documents.js';
import { conceptLabel } from './instruments.js';

const TIMELINE_QUERY = `
query Timeline {
  documents { ...Brief ... on Document { date published region { ...Brief } } }
  recurringEntities { entity { ...Brief } appearances { document { id } year forms quotes } }
  measures {
    id zh en unitKind note
    targets {
      id value unit year note
      region { ...Brief }
      document { ...Brief }
      evidence { quote quoteStart quoteEnd document { id } citation { gbt7714 bibtex } }
    }
  }
}${BRIEF}`;

const TARGET_FIELDS = `id value unit year region { ...Brief } evidence { quote quoteStart quoteEnd document { id } }`;

const COMPARE_QUERY = `
query Compare($earlier: ID!, $later: ID!) {
  compareDocuments(earlier: $earlier, later: $later) {
    kept { ...Brief } added { ...Brief } dropped { ...Brief }
    tools { tool { id zh en } earlier later }
    measures { measure { id zh en unitKind } earlier { ${TARGET_FIELDS} } later { ${TARGET_FIELDS} } }
  }
}${BRIEF}`;

/** The year a document was issued (its date, else its publication), or null. */
function yearOf(d) {
  const text = d.date || d.published;
  return text ? Number(text.slice(0, 4)) : null;
}

/** The name of a measure in the interface language. */
function measureName(m) {
  return i18n.lang === 'en' ? m.en : m.zh;
}

function measureOther(m) {
  return i18n.lang === 'en' ? m.zh : m.en;
}

export async function renderTimeline(ctx) {
  ctx.setTitle(t('timelineTitle'));
  const data = await gql(TIMELINE_QUERY);
  if (!ctx.alive()) return;
  // Dated documents oldest first, then the undated ones.
  const documents = [...data.documents].sort((a, b) => (yearOf(a) ?? 9999) - (yearOf(b) ?? 9999) || (a.date || '').localeCompare(b.date || ''));
  const dated = documents.filter((d) => yearOf(d) !== null);
  // By default the two oldest dated documents: consecutive plans compare most naturally.
  const earlier = ctx.query.get('earlier') || (dated[0] || documents[0]).id;
  const later = ctx.query.get('later') || (dated[1] || documents[1] || documents[0]).id;

  ctx.main.append(
    h('h1', {}, t('timelineTitle')),
    h('p', { class: 'help' }, t('timelineHelp')),
    axis(documents),
    recurringSection(data.recurringEntities, documents),
  );
  const compareBox = h('section', { class: 'panel', 'aria-labelledby': 'compare-title', id: 'compare' });
  ctx.main.append(compareBox, seriesSection(data.measures));
  compareForm(compareBox, documents, earlier, later, ctx);
  if (earlier && later && earlier !== later) {
    const result = await gql(COMPARE_QUERY, { earlier, later });
    if (!ctx.alive()) return;
    compareBox.append(comparison(result.compareDocuments, documents.find((d) => d.id === earlier), documents.find((d) => d.id === later)));
  } else {
    compareBox.append(h('p', { class: 'empty' }, t('compareSame')));
  }
}

/** The documents on a time axis, with the undated ones apart; a list says the same. */
function axis(documents) {
  const years = documents.map(yearOf).filter((y) => y !== null);
  const first = Math.min(...years) - 1;
  const last = Math.max(...years) + 1;
  const left = 30;
  const step = 110;
  const width = left * 2 + (last - first) * step;
  const height = 150;
  const x = (y) => left + (y - first) * step;
  const perYear = new Map();
  const marks = documents.filter((d) => yearOf(d) !== null).map((d) => {
    const y = yearOf(d);
    const k = perYear.get(y) || 0;
    perYear.set(y, k + 1);
    return { d, y, k };
  });
  const chart = svg('svg', { class: 'chart timeline', viewBox: `0 0 ${width} ${height}`, width, height, 'aria-hidden': 'true' },
    svg('line', { x1: left, x2: width - left, y1: 40, y2: 40, class: 'axis-line' }),
    Array.from({ length: last - first + 1 }, (_, i) => first + i).map((y) => [
      svg('line', { x1: x(y), x2: x(y), y1: 34, y2: 46, class: 'axis-line' }),
      svg('text', { x: x(y), y: 24, 'text-anchor': 'middle', class: 'axis' }, String(y)),
    ]),
    marks.map(({ d, y, k }) => [
      svg('circle', { cx: x(y), cy: 40, r: 7, class: 'doc-dot' }),
      svg('text', { x: x(y), y: 68 + k * 18, 'text-anchor': 'middle', class: 'doc-label' }, d.region ? nameOf(d.region) : nameOf(d).slice(0, 8)),
    ]));
  return h('section', { class: 'panel', 'aria-labelledby': 'axis-title' },
    h('h2', { id: 'axis-title' }, t('documentsOverTime')),
    h('div', { class: 'chart-scroll' }, chart),
    h('ol', { class: 'doc-timeline' }, documents.map((d) => h('li', { dataset: { document: d.id, year: String(yearOf(d) ?? '') } },
      h('strong', { class: 'doc-year' }, yearOf(d) === null ? t('undated') : String(yearOf(d))), ' ',
      h('a', { href: paths.document(d.id), lang: langOfName(d) }, nameOf(d)),
      d.region ? h('span', { class: 'muted' }, ` · ${nameOf(d.region)}`) : null,
      d.date ? h('span', { class: 'muted' }, ` · ${d.date}`) : null))),
    documents.some((d) => yearOf(d) === null) ? h('p', { class: 'help' }, t('undatedHelp')) : null);
}

/** Entities named in more than one document, with the forms each document writes. */
function recurringSection(recurring, documents) {
  const kinds = vocab().kinds.map((k) => k.enum).filter((k) => recurring.some((r) => r.entity.kind === k));
  const status = h('p', { class: 'summary', role: 'status' });
  const rows = recurring.map((r) => {
    const byDoc = new Map(r.appearances.map((a) => [a.document.id, a]));
    return h('tr', { dataset: { entity: r.entity.id, kind: r.entity.kind, documents: String(r.appearances.length) } },
      h('th', { scope: 'row' }, entityLink(r.entity), ' ', kindBadge(r.entity.kind)),
      h('td', { class: 'num' }, String(r.appearances.length)),
      documents.map((d) => {
        const a = byDoc.get(d.id);
        return h('td', { class: a ? 'forms' : 'absent' }, a
          ? [h('span', { lang: 'zh-Hans' }, a.forms.join('、')), h('span', { class: 'muted' }, ` (${t('quotesN', { n: a.quotes })})`)]
          : h('span', { class: 'muted', 'aria-label': t('notNamed') }, '—'));
      }));
  });
  const count = (n) => {
    status.textContent = t('recurringCount', { n });
  };
  count(recurring.length);
  const kindField = selectField({
    label: t('kind'),
    name: 'kind',
    value: '',
    options: [{ value: '', label: t('allKinds') }, ...kinds.map((k) => ({ value: k, label: kindLabel(k) }))],
    // Filtering in place changes no context, so it may follow the choice at once.
    onChange: (value) => {
      let n = 0;
      for (const row of rows) {
        row.hidden = Boolean(value) && row.dataset.kind !== value;
        if (!row.hidden) n += 1;
      }
      count(n);
    },
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'recurring-title' },
    h('h2', { id: 'recurring-title' }, t('recurringTitle')),
    h('p', { class: 'help' }, t('recurringHelp')),
    h('div', { class: 'form-row inline-form' }, kindField.element, status),
    h('div', { class: 'table-scroll tall', tabindex: '0', role: 'region', 'aria-labelledby': 'recurring-title' },
      h('table', { class: 'data recurring' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('entity')),
          h('th', { scope: 'col', class: 'num' }, t('documentsN')),
          documents.map((d) => h('th', { scope: 'col', dataset: { document: d.id } },
            yearOf(d) === null ? t('undated') : String(yearOf(d)), h('br'),
            h('span', { class: 'th-sub' }, d.region ? nameOf(d.region) : nameOf(d)))))),
        h('tbody', {}, rows))));
}

function compareForm(box, documents, earlier, later, ctx) {
  const options = documents.map((d) => ({
    value: d.id,
    label: `${yearOf(d) ?? t('undated')} · ${d.region ? nameOf(d.region) : ''} · ${nameOf(d)}`,
  }));
  const a = selectField({ label: t('earlierDoc'), name: 'earlier', value: earlier, options });
  const b = selectField({ label: t('laterDoc'), name: 'later', value: later, options });
  box.append(
    h('h2', { id: 'compare-title' }, t('compareTitle')),
    h('form', {
      class: 'form',
      'aria-labelledby': 'compare-title',
      on: {
        submit: (event) => {
          event.preventDefault();
          ctx.navigate(`${href('/explore/timeline', { earlier: a.select.value, later: b.select.value })}#compare`);
        },
      },
    },
    h('div', { class: 'form-row' }, a.element, b.element, h('button', { type: 'submit', class: 'primary' }, t('compare')))));
}

function targetText(x) {
  return `${formatNumber(x.value)} ${x.unit} (${x.year}${x.region ? ` · ${nameOf(x.region)}` : ''})`;
}

function targetLinks(targets) {
  return targets.map((x, i) => {
    const ev = x.evidence[0];
    return [i ? h('br') : null, ev
      ? h('a', { href: paths.document(ev.document.id, ev), title: ev.quote }, targetText(x))
      : targetText(x)];
  });
}

function comparison(c, earlierDoc, laterDoc) {
  const list = (key, entities) => h('details', { class: 'entity-set', dataset: { set: key } },
    h('summary', {}, h('strong', {}, t(key)), ` (${entities.length})`),
    h('ul', { class: 'chips' }, entities.map((e) => h('li', {}, entityLink(e)))));
  const both = c.measures.filter((m) => m.earlier.length > 0 && m.later.length > 0);
  const oneSided = c.measures.length - both.length;
  const eName = earlierDoc ? nameOf(earlierDoc) : '';
  const lName = laterDoc ? nameOf(laterDoc) : '';
  const colHead = (d) => h('th', { scope: 'col', class: 'num' }, d && yearOf(d) ? String(yearOf(d)) : t('undated'),
    h('br'), h('span', { class: 'th-sub' }, d && d.region ? nameOf(d.region) : ''));
  return h('div', { class: 'comparison' },
    h('p', { class: 'summary' }, t('compareSummary', { earlier: eName, later: lName, kept: c.kept.length, added: c.added.length, dropped: c.dropped.length })),
    h('div', { class: 'entity-sets' }, list('kept', c.kept), list('added', c.added), list('dropped', c.dropped)),
    h('h3', {}, t('toolsSideBySide')),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'data compare-tools' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('tool')), colHead(earlierDoc), colHead(laterDoc), h('th', { scope: 'col', class: 'num' }, t('change')))),
        h('tbody', {}, c.tools.map((x) => h('tr', { dataset: { tool: x.tool.id } },
          h('th', { scope: 'row' }, conceptLabel(x.tool)),
          h('td', { class: 'num' }, String(x.earlier)),
          h('td', { class: 'num' }, String(x.later)),
          h('td', { class: 'num' }, x.later === x.earlier ? '±0' : (x.later > x.earlier ? `+${x.later - x.earlier}` : `−${x.earlier - x.later}`))))))),
    h('h3', {}, t('measuresInBoth', { n: both.length })),
    both.length === 0 ? h('p', { class: 'empty' }, t('noMeasuresInBoth')) : h('table', { class: 'data compare-measures' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('measure')), colHead(earlierDoc), colHead(laterDoc))),
      h('tbody', {}, both.map((m) => h('tr', { dataset: { measure: m.measure.id } },
        h('th', { scope: 'row' }, measureName(m.measure)),
        h('td', { class: 'num' }, targetLinks(m.earlier)),
        h('td', { class: 'num' }, targetLinks(m.later)))))),
    oneSided > 0 ? h('p', { class: 'help' }, t('measuresOneSided', { n: oneSided })) : null);
}

/** Measures with targets in two or more documents or regions: the values by region and year. */
function seriesSection(measures) {
  const series = measures.filter((m) => {
    const docs = new Set(m.targets.map((x) => x.document && x.document.id));
    const regions = new Set(m.targets.map((x) => x.region && x.region.id));
    return docs.size >= 2 || regions.size >= 2;
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'series-title' },
    h('h2', { id: 'series-title' }, t('seriesTitle'), h('span', { class: 'count' }, ` (${series.length})`)),
    h('p', { class: 'help' }, t('seriesHelp')),
    h('div', { class: 'series' }, series.map(seriesTable)));
}

function seriesTable(m) {
  const years = [...new Set(m.targets.map((x) => x.year))].sort((a, b) => a - b);
  const regions = [];
  const seen = new Set();
  for (const x of m.targets) {
    const id = x.region ? x.region.id : '';
    if (!seen.has(id)) {
      seen.add(id);
      regions.push(x.region);
    }
  }
  const cell = (region, year) => m.targets.filter((x) => (x.region ? x.region.id : '') === (region ? region.id : '') && x.year === year);
  const titleId = `series-${m.id}`;
  return h('section', { class: 'series-item', 'aria-labelledby': titleId, dataset: { measure: m.id } },
    h('h3', { id: titleId }, measureName(m), h('span', { class: 'secondary', lang: i18n.lang === 'en' ? 'zh-Hans' : 'en' }, ` ${measureOther(m)}`)),
    foreignNote('curatorNoteLabel', m.note),
    h('table', { class: 'data series-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('region')), years.map((y) => h('th', { scope: 'col', class: 'num' }, String(y))))),
      h('tbody', {}, regions.map((r) => h('tr', {},
        h('th', { scope: 'row' }, r ? nameText(r) : '—'),
        years.map((y) => h('td', { class: 'num' }, distinctValues(cell(r, y)).map((x, i) => {
          const ev = x.evidence.find((e) => x.document && e.document.id === x.document.id) || x.evidence[0];
          const text = `${formatNumber(x.value)} ${x.unit}`;
          return [i ? h('br') : null, ev ? h('a', { href: paths.document(ev.document.id, ev), title: ev.quote }, text) : text];
        }))))))));
}

/** One target per value: a value stated twice in a document is one aim. */
function distinctValues(targets) {
  return [...new Map(targets.map((x) => [`${x.value}|${x.document ? x.document.id : ''}`, x])).values()];
}

