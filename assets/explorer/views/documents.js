// The documents: a list, and for each its metadata, tasks with their responsible agencies, its
// targets, and its full text with the names of the entities it mentions linked to their pages.
// `?at=start-end` (UTF-16 offsets into the text, as the API's evidence gives them) marks and
// scrolls to a quoted passage.

import { h } from '../dom.js';
import { gql, BRIEF } from '../api.js';
import { t, i18n, nameOf, otherNameOf, kindLabel, STRUCTURAL_KINDS, vocab } from '../i18n.js';
import { entityLink, paths, citeControl, foreignNote, langOfName, originalHint } from '../components.js';

const DOCUMENTS_QUERY = `
query Documents {
  documents {
    ...Brief
    ... on Document {
      date published number script
      region { ...Brief }
      issuer { ...Brief }
      tasks { id }
      targets { id }
    }
  }
}${BRIEF}`;

const DOCUMENT_QUERY = `
query DocumentPage($id: ID!) {
  entity(id: $id) {
    ...Brief
    ... on Document {
      date published number script text
      citation { gbt7714 bibtex }
      region { ...Brief }
      issuer { ...Brief }
      tasks {
        ...Brief
        evidence { quoteStart quoteEnd document { id } }
        ... on Task {
          number
          section { ...Brief }
          responsibleAgencies { ...Brief }
          targets { id }
        }
      }
      targets {
        ...Brief
        evidence { quote quoteStart quoteEnd document { id } }
        ... on Target { indicator indicatorEn value unit year note region { ...Brief } }
      }
    }
  }
}${BRIEF}`;

const NAMED_QUERY = `
query NamedInDocument($id: ID!, $kinds: [EntityKind!], $after: String) {
  entities(filter: { document: $id, kinds: $kinds }, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { ...Brief names { zhHans zhHant aliases { text } } }
  }
}${BRIEF}`;

export async function renderDocuments(ctx) {
  ctx.setTitle(t('documentsTitle'));
  const data = await gql(DOCUMENTS_QUERY);
  if (!ctx.alive()) return;
  ctx.main.append(
    h('h1', {}, t('documentsTitle')),
    h('ul', { class: 'documents' }, data.documents.map((d) => h('li', { class: 'panel document-card', dataset: { document: d.id } },
      h('h2', {}, h('a', { href: paths.document(d.id) }, nameOf(d))),
      otherNameOf(d) ? h('p', { class: 'secondary' }, otherNameOf(d)) : null,
      metaList(d),
      h('p', { class: 'muted' }, t('tasksCount', { n: d.tasks.length }), ' · ', t('targetsCount', { n: d.targets.length }))))),
  );
}

function metaList(d) {
  const item = (label, value) => (value ? [h('dt', {}, label), h('dd', {}, value)] : null);
  return h('dl', { class: 'meta' },
    item(t('date'), d.date),
    item(t('published'), d.published),
    item(t('number'), d.number),
    item(t('issuer'), d.issuer ? entityLink(d.issuer) : null),
    item(t('region'), d.region ? entityLink(d.region) : null));
}

/** Every entity the document names (not its own parts), with all their names. */
async function namedEntities(id) {
  const kinds = vocab().kinds.map((k) => k.enum).filter((k) => !STRUCTURAL_KINDS.has(k));
  const all = [];
  let after = null;
  for (let page = 0; page < 20; page += 1) {
    const data = await gql(NAMED_QUERY, { id, kinds, after });
    all.push(...data.entities.nodes);
    if (!data.entities.pageInfo.hasNextPage) break;
    after = data.entities.pageInfo.endCursor;
  }
  return all;
}

function parseRange(value, length) {
  const m = /^(\d+)-(\d+)$/.exec(value || '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= length ? { start, end } : null;
}

export async function renderDocument(ctx) {
  const [id] = ctx.params;
  const [data, named] = await Promise.all([gql(DOCUMENT_QUERY, { id }), namedEntities(id)]);
  if (!ctx.alive()) return;
  const d = data.entity;
  ctx.setTitle(nameOf(d));
  const text = d.text || '';
  const focus = parseRange(ctx.query.get('at'), text.length);

  ctx.main.append(
    h('p', { class: 'crumbs' }, h('a', { href: '/explore/documents' }, t('documentsTitle')), ' › '),
    h('h1', {}, nameOf(d)),
    otherNameOf(d) ? h('p', { class: 'secondary' }, otherNameOf(d)) : null,
    metaList(d),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: paths.entity(d.id) }, t('openEntity')),
      h('a', { class: 'button', href: paths.graph(d.id) }, t('openGraph'))),
    citeControl(d.citation),
  );

  ctx.main.append(tasksSection(d, focus));
  if (d.targets.length > 0) ctx.main.append(targetsSection(d, focus));

  const mentions = findMentions(text, named);
  const textBox = h('div', { class: 'doc-text', lang: d.script === 'TRADITIONAL' ? 'zh-Hant' : 'zh-Hans' });
  const mark = renderText(textBox, text, mentions, focus);
  ctx.main.append(h('section', { class: 'panel', 'aria-labelledby': 'text-title' },
    h('h2', { id: 'text-title' }, t('text')),
    text ? h('p', { class: 'help' }, t('textHelp'), ' ', t('entitiesInText', { n: mentions.length })) : h('p', { class: 'empty' }, t('noText')),
    textBox));
  if (mark) {
    // The quoted passage can be cited from where it is read.
    const cite = citeControl(d.citation);
    if (cite) {
      cite.classList.add('cite-inline');
      mark.after(cite);
    }
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  }
}

function taskPosition(task, docId) {
  return task.evidence.find((ev) => ev.document.id === docId && Number.isInteger(ev.quoteStart)) || null;
}

function tasksSection(d, focus) {
  return h('details', { class: 'panel', open: !focus },
    h('summary', {}, h('h2', { class: 'inline' }, t('tasks'), h('span', { class: 'count' }, ` (${d.tasks.length})`))),
    d.tasks.length === 0 ? null : h('table', { class: 'data tasks' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, t('tasks')),
        h('th', { scope: 'col' }, t('section')),
        h('th', { scope: 'col' }, t('responsible')),
        h('th', { scope: 'col' }, t('targets')))),
      h('tbody', {}, d.tasks.map((task) => {
        const at = taskPosition(task, d.id);
        return h('tr', { dataset: { task: task.id } },
          h('td', {}, task.number || ''),
          h('td', {},
            h('a', { href: at ? paths.document(d.id, at) : paths.entity(task.id), lang: langOfName(task) }, nameOf(task)),
            originalHint(task),
            ' ',
            h('a', { href: paths.entity(task.id), class: 'small-link', 'aria-label': `${t('openEntity')}: ${nameOf(task)}` }, '↗')),
          h('td', {}, task.section ? [h('span', { lang: langOfName(task.section) }, nameOf(task.section)), originalHint(task.section)] : ''),
          h('td', {}, (task.responsibleAgencies || []).map((a, i) => [i ? '、' : '', entityLink(a)])),
          h('td', {}, task.targets && task.targets.length ? String(task.targets.length) : ''));
      }))));
}

function targetsSection(d, focus) {
  return h('details', { class: 'panel', open: !focus },
    h('summary', {}, h('h2', { class: 'inline' }, t('targets'), h('span', { class: 'count' }, ` (${d.targets.length})`))),
    h('table', { class: 'data targets' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('indicator')),
        h('th', { scope: 'col', class: 'num' }, t('value')),
        h('th', { scope: 'col' }, t('year')),
        h('th', { scope: 'col' }, t('region')),
        h('th', { scope: 'col' }, t('note')))),
      h('tbody', {}, d.targets.map((target) => {
        const ev = target.evidence.find((e) => e.document.id === d.id) || null;
        const indicator = i18n.lang === 'en' && target.indicatorEn ? target.indicatorEn : target.indicator;
        return h('tr', {},
          h('td', {}, h('a', { href: ev ? paths.document(d.id, ev) : paths.entity(target.id) }, indicator)),
          h('td', { class: 'num' }, `${formatNumber(target.value)} ${target.unit}`),
          h('td', {}, String(target.year)),
          h('td', {}, target.region ? entityLink(target.region) : ''),
          h('td', {}, foreignNote('curatorNoteLabel', target.note)));
      }))));
}

export function formatNumber(value) {
  return Number.isInteger(value) ? value.toLocaleString() : value.toLocaleString(undefined, { maximumFractionDigits: 4 });
}

/**
 * Where the names of `entities` occur in `text`: longest names first, never overlapping.
 * Offsets are UTF-16 code units, like the API's.
 */
export function findMentions(text, entities) {
  const candidates = [];
  for (const e of entities) {
    const names = new Set([e.names.zhHans, e.names.zhHant, ...e.names.aliases.map((a) => a.text)]);
    for (const name of names) {
      if (!name || name.length < 2) continue;
      for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
        candidates.push({ start: i, end: i + name.length, entity: e });
      }
    }
  }
  candidates.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const chosen = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end; i += 1) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Writes `text` into `box` with each mention as a link, and the `focus` range wrapped in a
 * <mark>; returns the mark (or null).
 */
function renderText(box, text, mentions, focus) {
  const cuts = new Set([0, text.length]);
  for (const m of mentions) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  if (focus) {
    cuts.add(focus.start);
    cuts.add(focus.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let mi = 0;
  let mark = null;
  let parent = box;
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    const inFocus = focus && a >= focus.start && b <= focus.end;
    if (inFocus && !mark) {
      mark = h('mark', { class: 'focus', id: 'quote', tabindex: '-1', 'aria-label': t('quoteHere') });
      box.append(mark);
      parent = mark;
    } else if (!inFocus && parent !== box) {
      parent = box;
    }
    while (mi < mentions.length && mentions[mi].end <= a) mi += 1;
    const m = mentions[mi];
    const piece = text.slice(a, b);
    if (m && m.start <= a && b <= m.end) {
      parent.append(h('a', {
        class: 'mention',
        href: paths.entity(m.entity.id),
        title: `${nameOf(m.entity)} · ${kindLabel(m.entity.kind)}`,
        dataset: { kind: m.entity.kind },
      }, piece));
    } else {
      parent.append(document.createTextNode(piece));
    }
  }
  return mark;
}
