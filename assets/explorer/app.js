// The explorer: a single-page application over the GraphQL API. Every view has its own URL
// (under /explore/), so it can be bookmarked and shared; the server answers every such URL with
// the same page, and this router draws the view.

import { h, clear } from './dom.js';
import { t, i18n, setLang, onLangChange, loadVocabulary } from './i18n.js';
import { entityPicker, errorBox, loading, href, paths } from './components.js';
import { renderHome, renderSearch } from './views/home.js';
import { renderEntity } from './views/entity.js';
import { renderGraph } from './views/graph.js';
import { renderPath } from './views/path.js';
import { renderIndustry } from './views/industry.js';
import { renderDocuments, renderDocument } from './views/documents.js';
import { renderTargets } from './views/targets.js';
import { renderInstruments } from './views/instruments.js';
import { renderAgencies } from './views/agencies.js';
import { renderTimeline } from './views/timeline.js';
import { renderExports } from './views/exports.js';

const ROUTES = [
  { pattern: /^\/(?:explore\/?)?$/, view: renderHome, nav: 'home' },
  { pattern: /^\/explore\/search$/, view: renderSearch, nav: 'home' },
  { pattern: /^\/explore\/entity\/([^/]+)$/, view: renderEntity, nav: null },
  { pattern: /^\/explore\/graph\/([^/]+)$/, view: renderGraph, nav: null },
  { pattern: /^\/explore\/path$/, view: renderPath, nav: 'path' },
  { pattern: /^\/explore\/industry$/, view: renderIndustry, nav: 'industry' },
  { pattern: /^\/explore\/documents$/, view: renderDocuments, nav: 'documents' },
  { pattern: /^\/explore\/document\/([^/]+)$/, view: renderDocument, nav: 'documents' },
  { pattern: /^\/explore\/targets$/, view: renderTargets, nav: 'targets' },
  { pattern: /^\/explore\/instruments$/, view: renderInstruments, nav: 'instruments' },
  { pattern: /^\/explore\/agencies$/, view: renderAgencies, nav: 'agencies' },
  { pattern: /^\/explore\/timeline$/, view: renderTimeline, nav: 'timeline' },
  { pattern: /^\/explore\/exports$/, view: renderExports, nav: 'exports' },
];

const main = document.getElementById('main');
const top = document.getElementById('top');
const foot = document.getElementById('foot');

let current = { token: 0, leave: [] };

/** Whether a URL (path) is one of the explorer's. */
function isExplorerPath(pathname) {
  return pathname === '/' || pathname === '/explore' || pathname.startsWith('/explore/');
}

/** Goes to `url` inside the explorer, adding to the history unless `replace`. */
export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  route({ moveFocus: true });
}

function setTitle(text) {
  document.title = text ? `${text} · ${t('title')}` : `${t('title')} · sunan-kg`;
}

async function route({ keepScroll = false, moveFocus = false } = {}) {
  for (const fn of current.leave) {
    try {
      fn();
    } catch {
      // a view's clean-up must not stop the next view
    }
  }
  const token = current.token + 1;
  current = { token, leave: [] };
  const pathname = location.pathname.replace(/\/+$/, '') || '/';
  const match = ROUTES.map((r) => ({ r, m: pathname.match(r.pattern) })).find((x) => x.m);
  renderChrome(match ? match.r.nav : null);
  clear(main);
  main.removeAttribute('aria-busy');
  if (!keepScroll) window.scrollTo(0, 0);
  if (!match) {
    setTitle(t('notFoundPage'));
    main.append(h('h1', {}, t('notFoundPage')), h('p', {}, h('a', { href: '/' }, t('backHome'))));
    return;
  }
  const ctx = {
    main,
    params: match.m.slice(1).map((p) => decodeURIComponent(p)),
    query: new URLSearchParams(location.search),
    alive: () => current.token === token,
    onLeave: (fn) => current.leave.push(fn),
    navigate,
    setTitle,
    rerender: () => route({ keepScroll: true }),
  };
  main.setAttribute('aria-busy', 'true');
  main.append(loading());
  try {
    await loadVocabulary();
    if (!ctx.alive()) return;
    clear(main);
    await match.r.view(ctx);
  } catch (error) {
    if (!ctx.alive()) return;
    clear(main);
    main.append(errorBox(error, () => route({ keepScroll: true })));
  } finally {
    if (ctx.alive()) {
      main.removeAttribute('aria-busy');
      document.body.dataset.view = match.r.view.name;
      document.body.dataset.ready = String(token);
      // After following a link, start reading at the new view's heading (unless the view has
      // put the focus somewhere on purpose, such as a quoted passage).
      if (moveFocus && (document.activeElement === document.body || !document.activeElement || top.contains(document.activeElement))) {
        const heading = main.querySelector('h1');
        if (heading) {
          heading.setAttribute('tabindex', '-1');
          heading.focus({ preventScroll: true });
        }
      }
    }
  }
}

function renderChrome(activeNav) {
  clear(top);
  const picker = entityPicker({
    label: t('searchLabel'),
    hiddenLabel: true,
    onPick: (entity) => navigate(paths.entity(entity.id)),
    onSubmit: (text) => navigate(href('/explore/search', { q: text })),
  });
  picker.input.classList.add('top-search');
  const navItem = (key, url, label) =>
    h('li', {}, h('a', { href: url, 'aria-current': activeNav === key ? 'page' : null }, label));
  const langButton = (lang, label) =>
    h('button', {
      type: 'button',
      lang: lang === 'zh' ? 'zh-Hans' : 'en',
      class: 'lang-button',
      'aria-pressed': i18n.lang === lang ? 'true' : 'false',
      dataset: { lang },
      on: { click: () => setLang(lang) },
    }, label);
  top.append(
    h('a', { class: 'brand', href: '/' },
      h('img', { src: '/assets/explorer/favicon.svg', alt: '', width: 28, height: 28 }),
      h('span', { class: 'brand-text' }, t('brand'))),
    h('div', { class: 'top-search-wrap', role: 'search' }, picker.element),
    h('nav', { 'aria-label': t('navMain') },
      h('ul', {},
        navItem('home', '/', t('navHome')),
        navItem('path', '/explore/path', t('navPath')),
        navItem('industry', '/explore/industry', t('navIndustry')),
        navItem('documents', '/explore/documents', t('navDocuments')),
        navItem('targets', '/explore/targets', t('navTargets')),
        navItem('instruments', '/explore/instruments', t('navInstruments')),
        navItem('agencies', '/explore/agencies', t('navAgencies')),
        navItem('timeline', '/explore/timeline', t('navTimeline')),
        navItem('exports', '/explore/exports', t('navExports')))),
    h('div', { class: 'lang-switch', role: 'group', 'aria-label': `${t('language')} / Language` },
      langButton('zh', '中文'),
      langButton('en', 'English')));
  clear(foot);
  foot.append(
    h('p', {}, t('footer')),
    h('p', {},
      h('a', { href: '/graphql' }, 'GraphQL'), ' · ',
      h('a', { href: '/sparql' }, 'SPARQL'), ' · ',
      h('a', { href: '/explore/exports' }, t('navExports')), ' · ',
      h('span', {}, 'sunan-kg')));
  const skip = document.querySelector('.skip');
  if (skip) skip.textContent = t('skip');
}

// Links inside the explorer change the view without reloading the page.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.target.closest('a[href]');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  // An SVG <a>'s `href` is an SVGAnimatedString, not the URL: read the attribute.
  const url = new URL(anchor.getAttribute('href'), location.href);
  if (url.origin !== location.origin || !isExplorerPath(url.pathname)) return;
  event.preventDefault();
  if (url.pathname === location.pathname && url.search === location.search && url.hash) {
    location.hash = url.hash;
    return;
  }
  navigate(url.pathname + url.search + url.hash);
});

window.addEventListener('popstate', () => route({ moveFocus: true }));
onLangChange(() => route({ keepScroll: true }));

document.documentElement.lang = i18n.lang === 'zh' ? 'zh-Hans' : 'en';
route();
