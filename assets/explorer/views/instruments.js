// Policy instruments: how often the documents use each type or tool of the code list, by
// document, region, year or acting agency. A stacked bar chart (plain SVG) and a table show the
// same counts; a bar segment or a table cell lists the codes behind it, each with the provision,
// the quote with the deciding words marked, the curator's note and a citation.
// `?by=document|region|year|agency&level=type|tool&cell=rowKey~conceptId` is the state.

import { h, svg, clear } from '../dom.js';
import { gql, BRIEF } from '../api.js';
import { t, i18n, nameOf } from '../i18n.js';
import {
  selectField, href, paths, citeControl, foreignNote, quoteWithCue, nameText, langOfName, originalHint,
} from '../components.js';

const DIMENSIONS = ['document', 'region', 'year', 'agency'];
const LEVELS = ['type', 'tool'];

const TABLE_QUERY = `
query InstrumentTable($by: InstrumentDimension!, $level: InstrumentLevel!) {
  instrumentTable(by: $by, level: $level) {
    total
    columns { id zh en instrumentType { id } broader { id } }
    rows {
      key label year total
      entity { ...Brief }
      cells { concept { id } count codes { id } }
    }
  }
}${BRIEF}`;

// Every code once, with what the drill-down shows; the table above only says which codes a cell
// holds (asking for all of this per cell would cost more than the API allows in one query).
const CODES_QUERY = `
query InstrumentCodes {
  instrumentCodes {
    id cue quote note
    provision { ...Brief ... on Task { number } ... on Section { number } }
    document { ...Brief }
    tool { id zh en broader { id } }
    instrumentType { id zh en }
    evidence { quoteStart quoteEnd citation { gbt7714 bibtex } }
  }
}${BRIEF}`;

// Colours by type, a family each: supply blues, environment greens and ambers, demand reds.
const TYPE_COLOURS = { supply: '#2b6cb0', environment: '#2f855a', demand: '#c05621' };
const TOOL_COLOURS = {
  supply: ['#1a365d', '#2b6cb0', '#4299e1', '#90cdf4', '#2c5282'],
  environment: ['#1c4532', '#276749', '#38a169', '#68d391', '#9ae6b4', '#744210', '#b7791f', '#d69e2e', '#ecc94b', '#975a16'],
  demand: ['#7b341e', '#c05621', '#ed8936', '#9b2c2c', '#e53e3e'],
};

/** The label of a type or tool in the interface language. */
export function conceptLabel(concept) {
  return i18n.lang === 'en' ? concept.en : concept.zh;
}

/** A colour for every column, so that tools of one type look alike. */
function columnColours(columns) {
  const used = { supply: 0, environment: 0, demand: 0 };
  return new Map(columns.map((c) => {
    const type = c.instrumentType.id;
    if (!c.broader && c.id === type) return [c.id, TYPE_COLOURS[type] || '#718096'];
    const family = TOOL_COLOURS[type] || ['#718096'];
    const colour = family[used[type] % family.length];
    used[type] += 1;
    return [c.id, colour];
  }));
}

function rowName(row) {
  if (row.entity) return nameOf(row.entity);
  return row.label;
}

function rowLabel(row) {
  return row.entity ? nameText(row.entity) : row.label;
}

export async function renderInstruments(ctx) {
  ctx.setTitle(t('instrumentsTitle'));
  const by = DIMENSIONS.includes(ctx.query.get('by')) ? ctx.query.get('by') : 'document';
  const level = LEVELS.includes(ctx.query.get('level')) ? ctx.query.get('level') : 'type';
  const [tableData, codesData] = await Promise.all([
    gql(TABLE_QUERY, { by: by.toUpperCase(), level: level.toUpperCase() }),
    gql(CODES_QUERY),
  ]);
  if (!ctx.alive()) return;
  const table = tableData.instrumentTable;
  const codeByKey = new Map(codesData.instrumentCodes.map((c) => [c.id, c]));
  const colours = columnColours(table.columns);
  const state = { by, level };
  const urlFor = (cell) => href('/explore/instruments', { by, level, cell });

  const byField = selectField({
    label: t('instrumentRows'),
    name: 'by',
    value: by,
    options: DIMENSIONS.map((d) => ({ value: d, label: t(`dim_${d}`) })),
  });
  const levelField = selectField({
    label: t('instrumentColumns'),
    name: 'level',
    value: level,
    options: LEVELS.map((l) => ({ value: l, label: t(`level_${l}`) })),
  });
  const drill = h('section', { class: 'panel drill', id: 'codes', 'aria-labelledby': 'codes-title', hidden: true });

  ctx.main.append(
    h('h1', { id: 'instruments-title' }, t('instrumentsTitle')),
    h('p', { class: 'help' }, t('instrumentsHelp')),
    h('form', {
      class: 'panel form',
      'aria-labelledby': 'instruments-title',
      on: {
        submit: (event) => {
          event.preventDefault();
          ctx.navigate(href('/explore/instruments', { by: byField.select.value, level: levelField.select.value }));
        },
      },
    },
    h('div', { class: 'form-row' }, byField.element, levelField.element,
      h('button', { type: 'submit', class: 'primary' }, t('show')))),
    h('p', { class: 'summary', role: 'status' },
      t('instrumentsSummary', { n: table.total, rows: table.rows.length, by: t(`dim_${by}`) }),
      by === 'agency' ? ` ${t('agencyCountsTwice')}` : null,
      // Rows by year leave out the codes of documents that print no date.
      by === 'year' && codesData.instrumentCodes.length > table.total
        ? ` ${t('undatedLeftOut', { n: codesData.instrumentCodes.length - table.total })}` : null),
  );
  if (table.rows.length === 0) {
    ctx.main.append(h('p', { class: 'empty' }, t('instrumentsNone')));
    return;
  }

  /** Lists the codes of one cell below the table and moves there. */
  function openCell(rowKey, conceptId, { focus = true } = {}) {
    const row = table.rows.find((r) => r.key === rowKey);
    const index = table.columns.findIndex((c) => c.id === conceptId);
    if (!row || index < 0) return;
    const concept = table.columns[index];
    const cell = row.cells[index];
    history.replaceState(null, '', urlFor(`${rowKey}~${conceptId}`));
    renderDrill(drill, row, concept, cell.codes.map((c) => codeByKey.get(c.id)).filter(Boolean), state);
    drill.dataset.count = String(cell.count);
    if (focus) {
      const heading = drill.querySelector('h2');
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      drill.scrollIntoView({ block: 'start' });
    }
  }

  ctx.main.append(
    stackedChart(table, colours, openCell, urlFor),
    countsTable(table, colours, openCell, urlFor),
    drill,
    downloads(level),
  );

  const wanted = (ctx.query.get('cell') || '').split('~');
  if (wanted.length === 2) openCell(wanted[0], wanted[1], { focus: false });
}

/** Horizontal stacked bars, one per row, a segment per column; segments are links. */
function stackedChart(table, colours, openCell, urlFor) {
  const en = i18n.lang === 'en';
  const labelW = en ? 300 : 260;
  const barW = 560;
  const rowH = 26;
  const top = 8;
  const max = Math.max(...table.rows.map((r) => r.total), 1);
  const width = labelW + barW + 60;
  const height = top + table.rows.length * rowH + 8;
  const limit = en ? 42 : 18;
  const short = (text) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);
  const chart = svg('svg', {
    class: 'chart stacked',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'group',
    'aria-labelledby': 'stacked-title',
  },
  svg('title', { id: 'stacked-title' }, t('instrumentsChart')),
  table.rows.map((row, i) => {
    const y = top + i * rowH;
    let x = labelW;
    const name = rowName(row);
    return svg('g', { class: 'bar-row', dataset: { row: row.key } },
      svg('text', { x: labelW - 8, y: y + 17, 'text-anchor': 'end', class: 'axis', lang: row.entity ? langOfName(row.entity) : null },
        svg('title', {}, name), short(name)),
      row.cells.map((cell, j) => {
        if (cell.count === 0) return null;
        const concept = table.columns[j];
        const w = (barW * cell.count) / max;
        const segment = svg('a', {
          href: urlFor(`${row.key}~${concept.id}`),
          class: 'segment',
          'aria-label': t('cellLabel', { row: name, column: conceptLabel(concept), n: cell.count }),
          dataset: { row: row.key, concept: concept.id, count: String(cell.count) },
          on: {
            click: (event) => {
              event.preventDefault();
              openCell(row.key, concept.id);
            },
          },
        },
        svg('title', {}, t('cellLabel', { row: name, column: conceptLabel(concept), n: cell.count })),
        svg('rect', { x, y: y + 4, width: Math.max(w - 1, 1), height: rowH - 8, fill: colours.get(concept.id) }));
        x += w;
        return segment;
      }),
      svg('text', { x: x + 6, y: y + 17, class: 'bar-label' }, String(row.total)));
  }));
  const legend = h('ul', { class: 'legend-inline' }, table.columns.map((c) => h('li', {},
    h('span', { class: 'swatch', style: { background: colours.get(c.id) }, 'aria-hidden': 'true' }),
    conceptLabel(c))));
  return h('figure', { class: 'panel chart-box' },
    h('figcaption', {}, h('strong', {}, t('instrumentsChart')), h('span', { class: 'muted' }, ` ${t('instrumentsChartDesc')}`)),
    legend,
    h('div', { class: 'chart-scroll' }, chart));
}

/** The same counts as a table: a button per non-empty cell opens its codes. */
function countsTable(table, colours, openCell, urlFor) {
  return h('section', { class: 'panel', 'aria-labelledby': 'counts-title' },
    h('h2', { id: 'counts-title' }, t('table')),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'data instruments' },
        h('caption', { class: 'sr-only' }, t('instrumentsChart')),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('rowsHeader')),
          table.columns.map((c) => h('th', { scope: 'col', class: 'num', dataset: { concept: c.id } },
            h('span', { class: 'swatch', style: { background: colours.get(c.id) }, 'aria-hidden': 'true' }), ' ',
            conceptLabel(c))),
          h('th', { scope: 'col', class: 'num' }, t('total')))),
        h('tbody', {}, table.rows.map((row) => h('tr', { dataset: { row: row.key } },
          h('th', { scope: 'row' }, rowLabel(row)),
          row.cells.map((cell, j) => {
            const concept = table.columns[j];
            return h('td', { class: 'num', dataset: { concept: concept.id, count: String(cell.count) } },
              cell.count === 0 ? h('span', { class: 'muted' }, '0') : h('a', {
                href: urlFor(`${row.key}~${concept.id}`),
                class: 'cell-link',
                'aria-label': t('cellLabel', { row: rowName(row), column: conceptLabel(concept), n: cell.count }),
                on: {
                  click: (event) => {
                    event.preventDefault();
                    openCell(row.key, concept.id);
                  },
                },
              }, String(cell.count)));
          }),
          h('td', { class: 'num' }, String(row.total))))))));
}

/** The codes behind one cell. */
function renderDrill(drill, row, concept, codes, state) {
  clear(drill);
  drill.hidden = false;
  drill.append(
    h('h2', { id: 'codes-title' }, t('codesTitle', { row: rowName(row), column: conceptLabel(concept), n: codes.length })),
    state.by === 'agency' ? h('p', { class: 'help' }, t('agencyCodesHelp')) : null,
    h('ol', { class: 'codes' }, codes.map((code) => codeItem(code))));
}

/** One code: provision, tool, the quote with its cue marked, the note and the citation. */
export function codeItem(code) {
  const provision = code.provision;
  const at = code.evidence && Number.isInteger(code.evidence.quoteStart) ? code.evidence : null;
  return h('li', { class: 'code', dataset: { provision: provision.id, tool: code.tool.id } },
    h('p', { class: 'code-head' },
      provision.number ? h('span', { class: 'provision-number' }, `${provision.number} `) : null,
      h('a', { href: paths.document(code.document.id, at), lang: langOfName(provision) }, nameOf(provision)),
      originalHint(provision),
      h('span', { class: 'tag' }, conceptLabel(code.tool)),
      code.instrumentType ? h('span', { class: 'tag' }, conceptLabel(code.instrumentType)) : null),
    code.quote ? h('blockquote', { class: 'code-quote', lang: 'zh-Hans' }, '“', quoteWithCue(code.quote, code.cue), '”') : null,
    h('p', { class: 'code-meta muted' },
      t('cueIs'), ' ', h('span', { lang: 'zh-Hans' }, code.cue), ' · ',
      h('a', { href: paths.document(code.document.id, null), lang: langOfName(code.document) }, nameOf(code.document))),
    foreignNote('curatorNoteLabel', code.note),
    code.evidence ? citeControl(code.evidence.citation) : null);
}

function downloads(level) {
  return h('section', { class: 'panel', 'aria-labelledby': 'downloads-title' },
    h('h2', { id: 'downloads-title' }, t('downloads')),
    h('ul', { class: 'downloads' },
      h('li', {}, h('a', { href: '/export/instruments.csv', download: '' }, 'instruments.csv'), ' — ', t('exportInstruments')),
      h('li', {}, h('a', { href: `/export/instrument-document-matrix.csv?level=${level}`, download: '' }, `instrument-document-matrix.csv?level=${level}`),
        ' — ', t('exportInstrumentMatrix'))),
    h('p', {}, h('a', { href: '/explore/exports' }, t('allExports'))));
}
