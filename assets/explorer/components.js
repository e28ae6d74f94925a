// Pieces shared by the views: links, badges, evidence, errors and the search-as-you-type picker.

import { h, clear, debounce, uniqueId } from './dom.js';
import { gql, BRIEF, ApiError } from './api.js';
import { t, nameOf, otherNameOf, kindLabel, kindColour, regionText, i18n } from './i18n.js';

/** A path inside the explorer with query parameters (empty ones left out). */
export function href(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

export const paths = {
  entity: (id) => `/explore/entity/${encodeURIComponent(id)}`,
  graph: (id, params) => href(`/explore/graph/${encodeURIComponent(id)}`, params),
  document: (id, evidence) =>
    href(`/explore/document/${encodeURIComponent(id)}`, {
      at:
        evidence && Number.isInteger(evidence.quoteStart) && Number.isInteger(evidence.quoteEnd)
          ? `${evidence.quoteStart}-${evidence.quoteEnd}`
          : null,
    }),
};

/** A small coloured label with the kind's name. */
export function kindBadge(kindEnum) {
  return h('span', { class: 'badge', dataset: { kind: kindEnum } },
    h('span', { class: 'swatch', style: { background: kindColour(kindEnum) }, 'aria-hidden': 'true' }),
    kindLabel(kindEnum));
}

/** A link to an entity's page, named in the interface language. */
export function entityLink(entity, { badge = false, secondary = false, href: target = null } = {}) {
  const other = secondary ? otherNameOf(entity) : null;
  return h('span', { class: 'entity-ref' },
    h('a', { href: target || paths.entity(entity.id), class: 'entity-link', lang: langOfName(entity) }, nameOf(entity)),
    originalHint(entity),
    other ? h('span', { class: 'secondary', lang: i18n.lang === 'en' ? 'zh-Hans' : 'en' }, ` ${other}`) : null,
    badge ? [' ', kindBadge(entity.kind)] : null);
}

/** The language of the name `nameOf` gives for this entity. */
export function langOfName(entity) {
  return i18n.lang === 'en' && entity && entity.en && !entity.en.fallback ? 'en' : 'zh-Hans';
}

/** Kinds whose names are the titles of parts of the documents. */
const TITLE_KINDS = new Set(['DOCUMENT', 'SECTION', 'TASK', 'TARGET']);

/**
 * In the English interface, a name that has no English form is shown in Chinese: say so, so
 * that a reader does not take it for a rendering error ("(Chinese title)" for provisions).
 */
export function originalHint(entity) {
  if (i18n.lang !== 'en' || !entity || langOfName(entity) === 'en') return null;
  return h('span', { class: 'hint' }, ` ${t(TITLE_KINDS.has(entity.kind) ? 'chineseTitle' : 'chineseName')}`);
}

/** An entity's name as text (not a link), marked with its language and the hint above. */
export function nameText(entity) {
  return [h('span', { lang: langOfName(entity) }, nameOf(entity)), originalHint(entity)];
}

/**
 * A remark the curators wrote in English (notes, inference reasons), under a label that says
 * whose it is and, in the Chinese interface, that it is in English.
 */
export function foreignNote(labelKey, text, vars = {}) {
  if (!text) return null;
  return h('div', { class: 'note' },
    h('span', { class: 'note-label' }, t(labelKey, vars)), ' ',
    h('span', { lang: 'en' }, text));
}

let copySeq = 0;

/** Copies `text`, or selects `fallbackEl`'s text when the clipboard is not available. */
async function copyText(text, fallbackEl) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(fallbackEl);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return false;
  }
}

/**
 * "Cite": a disclosure with the GB/T 7714 and BibTeX references of a quote and a copy button
 * for each. `citation` is { gbt7714, bibtex } or a function that loads it when first opened.
 */
export function citeControl(citation) {
  if (!citation) return null;
  copySeq += 1;
  const body = h('div', { class: 'cite-body' });
  const details = h('details', { class: 'cite', dataset: { cite: String(copySeq) } },
    h('summary', {}, t('cite')), body);
  let filled = false;
  const fill = async () => {
    if (filled) return;
    filled = true;
    let c = citation;
    if (typeof citation === 'function') {
      body.append(loading());
      try {
        c = await citation();
      } catch (error) {
        clear(body);
        body.append(errorBox(error));
        filled = false;
        return;
      }
      clear(body);
    }
    if (!c) {
      body.append(h('p', { class: 'empty' }, t('noCitation')));
      return;
    }
    body.append(citeFormat('GB/T 7714-2015', c.gbt7714, 'p'), citeFormat('BibTeX', c.bibtex, 'pre'));
  };
  details.addEventListener('toggle', () => {
    if (details.open) fill();
  });
  return details;
}

function citeFormat(label, text, tag) {
  const textEl = h(tag, { class: 'cite-text', lang: 'zh-Hans' }, text.trim());
  const status = h('span', { class: 'cite-status', role: 'status' });
  const button = h('button', {
    type: 'button',
    class: 'copy',
    'aria-label': t('copyWhat', { what: label }),
    on: {
      click: async () => {
        const copied = await copyText(text, textEl);
        status.textContent = copied ? t('copied') : t('selectedToCopy');
      },
    },
  }, t('copy'));
  return h('div', { class: 'cite-format' },
    h('div', { class: 'cite-head' }, h('strong', {}, label), ' ', button, ' ', status),
    textEl);
}

/** A quote with the words `cue` marked (the first time they occur). */
export function quoteWithCue(quote, cue) {
  const at = cue ? quote.indexOf(cue) : -1;
  if (at < 0) return [quote];
  return [quote.slice(0, at), h('mark', { class: 'cue' }, cue), quote.slice(at + cue.length)];
}

/** The label of a basis that is not STATED: inferred, derived by a rule, or curated. */
function basisKey(basis) {
  return { DERIVED: 'derived', CURATED: 'curated' }[basis] ?? 'inferred';
}

/** One piece of evidence: the quote as a link into the document, and where it is from. */
export function evidenceItem(ev) {
  const quoteText = `“${ev.quote}”`;
  return h('figure', { class: ['evidence', ev.inferred ? 'inferred' : null] },
    h('blockquote', { lang: 'zh' },
      h('a', {
        class: 'quote',
        href: paths.document(ev.document.id, ev),
        title: t('openDocument'),
      }, quoteText)),
    h('figcaption', {},
      '— ',
      h('a', { href: paths.document(ev.document.id, null), class: 'doc-link' }, nameOf(ev.document)),
      ev.task ? [' · ', h('a', { href: paths.entity(ev.task.id), lang: langOfName(ev.task) }, nameOf(ev.task)), originalHint(ev.task)] : null,
      ev.inferred ? [' ', h('span', { class: 'tag inferred-tag' }, t(basisKey(ev.basis)))] : null,
      ev.inferenceNote
        ? (ev.rule
          ? foreignNote('derivedNoteLabel', ev.inferenceNote, { rule: ev.rule })
          : foreignNote('inferredNoteLabel', ev.inferenceNote))
        : null,
      foreignNote('curatorNoteLabel', ev.note),
      citeControl(ev.citation)));
}

/** A loading line, announced to screen readers through the live region. */
export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('loading'));
}

/** A clear message for a failed request, with the server's words and a way to try again. */
export function errorBox(error, retry) {
  let message;
  if (error instanceof ApiError) {
    if (error.kind === 'network') message = t('errorNetwork', { msg: error.message });
    else if (error.kind === 'http') message = t('errorHttp', { msg: error.message });
    else if (error.code === 'NOT_FOUND') message = t('errorNotFound', { msg: error.message });
    else message = t('errorGraphql', { msg: error.message });
  } else {
    message = t('errorGraphql', { msg: error && error.message ? error.message : String(error) });
  }
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, t('errorTitle')),
    h('p', {}, message),
    error && error.code ? h('p', { class: 'code' }, h('code', {}, error.code)) : null,
    retry ? h('button', { type: 'button', on: { click: retry } }, t('retry')) : null);
}

const SEARCH_QUERY = `
query Suggest($text: String!, $kinds: [EntityKind!], $first: Int!) {
  search(text: $text, kinds: $kinds, first: $first) {
    matchedName nameKind quality
    entity { ...Brief regions { ...Brief } }
  }
}${BRIEF}`;

/** Runs the name search the suggestions and the results page use. */
export function searchEntities(text, { kinds = null, first = 10 } = {}) {
  return gql(SEARCH_QUERY, { text: text.trim().slice(0, 100), kinds, first }).then((d) => d.search);
}

/** The lines of a suggestion or a search result: name, other name, kind, city, matched name. */
export function hitContent(hit) {
  const e = hit.entity;
  const where = regionText(e.regions);
  const other = otherNameOf(e);
  const primary = nameOf(e);
  const matchedShown = hit.matchedName && hit.matchedName !== primary && hit.matchedName !== other;
  return [
    h('span', { class: 'hit-name' }, primary),
    other ? h('span', { class: 'hit-other' }, other) : null,
    h('span', { class: 'hit-meta' },
      kindBadge(e.kind),
      where ? h('span', { class: 'hit-region' }, where) : null,
      matchedShown ? h('span', { class: 'hit-matched' }, t('matched', { name: hit.matchedName })) : null),
  ];
}

/**
 * A search box with suggestions as you type (an ARIA combobox). `onPick(entity)` is called with
 * the chosen entity; `onSubmit(text)`, when given, is called on Enter with no suggestion chosen.
 */
export function entityPicker({ label, kinds = null, initial = null, onPick, onSubmit = null, name = null, required = false, hiddenLabel = false }) {
  const inputId = uniqueId('picker');
  const listId = `${inputId}-list`;
  const statusId = `${inputId}-status`;
  let hits = [];
  let active = -1;
  let seq = 0;
  let picked = initial;

  const input = h('input', {
    id: inputId,
    type: 'search',
    name: name || inputId,
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: t('searchPlaceholder'),
    required,
    value: initial ? nameOf(initial) : '',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: true, 'aria-label': label });
  const status = h('span', { id: statusId, class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const wrap = h('div', { class: 'picker' },
    h('label', { for: inputId, class: hiddenLabel ? 'sr-only' : 'picker-label' }, label),
    h('div', { class: 'picker-box' }, input, list),
    status);

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index) {
    const items = list.querySelectorAll('[role=option]');
    items.forEach((el, i) => el.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    active = index;
    if (index >= 0 && items[index]) {
      input.setAttribute('aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(index) {
    const hit = hits[index];
    if (!hit) return;
    picked = hit.entity;
    input.value = nameOf(hit.entity);
    close();
    onPick(hit.entity);
  }

  function render() {
    clear(list);
    if (hits.length === 0) {
      list.append(h('li', { class: 'empty', role: 'presentation' }, t('noSuggestions')));
      status.textContent = t('noSuggestions');
    } else {
      hits.forEach((hit, i) => {
        list.append(h('li', {
          id: `${listId}-${i}`,
          role: 'option',
          'aria-selected': 'false',
          class: 'suggestion',
          dataset: { id: hit.entity.id },
          on: { click: () => choose(i) },
        }, hitContent(hit)));
      });
      status.textContent = t('suggestionsCount', { n: hits.length });
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  }

  function renderError(error) {
    clear(list);
    list.append(h('li', { class: 'empty error-line', role: 'presentation' }, errorBox(error).textContent));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  const suggest = debounce(async () => {
    const text = input.value.trim();
    const mine = ++seq;
    if (!text) {
      hits = [];
      close();
      return;
    }
    try {
      const found = await searchEntities(text, { kinds, first: 8 });
      if (mine !== seq) return;
      hits = found;
      render();
    } catch (error) {
      if (mine !== seq) return;
      renderError(error);
    }
  }, 120);

  input.addEventListener('input', () => {
    picked = null;
    suggest();
  });
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && hits.length > 0;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((active + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive(active <= 0 ? hits.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      if (open && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (onSubmit && input.value.trim()) {
        event.preventDefault();
        close();
        onSubmit(input.value.trim());
      } else if (open) {
        event.preventDefault();
        choose(0);
      }
    } else if (event.key === 'Escape') {
      close();
    }
  });
  // Keep focus in the input while a suggestion is clicked.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  input.addEventListener('blur', () => close());

  return {
    element: wrap,
    input,
    get value() {
      return picked;
    },
    set(entity) {
      picked = entity;
      input.value = entity ? nameOf(entity) : '';
    },
  };
}

/** A labelled <select>. `options` are [{ value, label }]. */
export function selectField({ label, name, options, value, onChange = null }) {
  const id = uniqueId(name);
  const select = h('select', { id, name, on: onChange ? { change: (e) => onChange(e.target.value) } : {} },
    options.map((o) => h('option', { value: o.value, selected: String(o.value) === String(value ?? '') }, o.label)));
  return { element: h('div', { class: 'field' }, h('label', { for: id }, label), select), select };
}

/** A labelled checkbox. */
export function checkboxField({ label, name, checked }) {
  const id = uniqueId(name);
  const box = h('input', { type: 'checkbox', id, name, checked });
  return { element: h('div', { class: 'field check' }, box, h('label', { for: id }, label)), box };
}
