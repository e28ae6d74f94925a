// The industry view: pick an industry (and a city if you like) and see everyone who supports it
// or a narrower industry, with the chain of concepts and the sentence that says so.

import { h } from '../dom.js';
import { gql, BRIEF, EVIDENCE } from '../api.js';
import { t, nameOf, relationLabel, regionText, vocab } from '../i18n.js';
import { entityPicker, entityLink, evidenceItem, selectField, checkboxField, href, paths } from '../components.js';

const INDUSTRY_QUERY = `query IndustryEnds($ids: [ID!]!) { nodes(ids: $ids) { ...Brief } }${BRIEF}`;

const SUPPORTERS_QUERY = `
query Supporters($industry: ID!, $region: ID, $narrower: Boolean!) {
  supporters(industry: $industry, region: $region, includeNarrower: $narrower, first: 100) {
    entity { ...Brief regions { ...Brief } }
    industry { ...Brief }
    conceptPath { ...Brief }
    relation { id kind inferred evidence { ...Ev } }
  }
}${BRIEF}${EVIDENCE}`;

export async function renderIndustry(ctx) {
  ctx.setTitle(t('industryTitle'));
  const industryId = ctx.query.get('industry');
  const regionId = ctx.query.get('region') || '';
  const narrower = ctx.query.get('narrower') !== '0';

  const ends = [industryId, regionId].filter(Boolean);
  const known = ends.length > 0 ? (await gql(INDUSTRY_QUERY, { ids: ends })).nodes : [];
  if (!ctx.alive()) return;
  const byId = new Map(known.map((e) => [e.id, e]));
  const industry = industryId ? byId.get(industryId) : null;
  const region = regionId ? byId.get(regionId) : null;

  const picker = entityPicker({ label: t('industryPick'), kinds: ['INDUSTRY'], initial: industry, onPick: () => {}, name: 'industry' });
  const regions = vocab().regions;
  const regionSelect = selectField({
    label: t('industryCity'),
    name: 'region',
    value: regionId,
    options: [{ value: '', label: t('anyRegion') }, ...regions.map((r) => ({ value: r.id, label: nameOf(r) }))],
  });
  const narrowerBox = checkboxField({ label: t('includeNarrower'), name: 'narrower', checked: narrower });
  const formMessage = h('p', { class: 'form-message', role: 'status' });
  ctx.main.append(
    h('h1', { id: 'industry-title' }, t('industryTitle')),
    h('form', {
      class: 'panel form',
      'aria-labelledby': 'industry-title',
      on: {
        submit: (event) => {
          event.preventDefault();
          const chosen = picker.value;
          if (!chosen) {
            formMessage.textContent = t('industryChoose');
            return;
          }
          ctx.navigate(href('/explore/industry', {
            industry: chosen.id,
            region: regionSelect.select.value,
            narrower: narrowerBox.box.checked ? null : '0',
          }));
        },
      },
    },
    h('div', { class: 'form-row' }, picker.element, regionSelect.element),
    h('div', { class: 'form-row' }, narrowerBox.element),
    h('button', { type: 'submit', class: 'primary' }, t('industryShow')),
    formMessage),
  );
  if (!industryId) return;

  const data = await gql(SUPPORTERS_QUERY, { industry: industryId, region: regionId || null, narrower });
  if (!ctx.alive()) return;
  const supporters = data.supporters;
  const industryName = industry ? nameOf(industry) : industryId;
  const heading = region
    ? t('industryFoundIn', { n: new Set(supporters.map((s) => s.entity.id)).size, industry: industryName, region: nameOf(region) })
    : t('industryFound', { n: new Set(supporters.map((s) => s.entity.id)).size, industry: industryName });
  ctx.setTitle(heading);
  const section = h('section', { class: 'panel', 'aria-labelledby': 'supporters-title' },
    h('h2', { id: 'supporters-title' }, heading),
    h('div', { class: 'actions' },
      industry ? h('a', { class: 'button', href: paths.entity(industry.id) }, nameOf(industry)) : null,
      industry ? h('a', { class: 'button', href: paths.graph(industry.id) }, t('openGraph')) : null));
  ctx.main.append(section);
  if (supporters.length === 0) {
    section.append(h('p', { class: 'empty' }, t('industryNone')));
    return;
  }
  section.append(h('table', { class: 'data supporters' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('supporter')),
      h('th', { scope: 'col' }, t('region')),
      h('th', { scope: 'col' }, t('via')),
      h('th', { scope: 'col' }, t('relation')),
      h('th', { scope: 'col' }, t('evidence')))),
    h('tbody', {}, supporters.map((s) => h('tr', { dataset: { supporter: s.entity.id } },
      h('td', {}, entityLink(s.entity, { badge: true, secondary: true })),
      h('td', {}, regionText(s.entity.regions) || '—'),
      h('td', {}, s.conceptPath.map((c, i) => [i ? ' › ' : '', entityLink(c)])),
      h('td', {}, relationLabel(s.relation.kind), s.relation.inferred ? h('span', { class: 'tag inferred-tag' }, t('inferred')) : null),
      h('td', { class: 'evidence-cell' }, s.relation.evidence.map(evidenceItem)))))));
}
