// The explorer's analysis views (instruments, the agency network, the timeline, exports, the
// summarised targets), "cite this" on quotes, one language per interface, and an accessibility
// check with axe-core on every view. Numbers on the page are checked against the GraphQL API.
// Screenshots go to target/screenshots/ beside those of explorer.test.js, which clears that
// folder first: the runner takes the files in name order, and this one comes after it.

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startServer, startBrowser, screenshot } from './harness.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server;
let browser;
let page;

before(async () => {
  server = await startServer();
  // axe-core is injected as a script, which the explorer's policy forbids: this browser does not
  // apply the policy (explorer.test.js opens these views under it).
  browser = await startBrowser({ bypassCSP: true });
  page = browser.page;
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

afterEach(() => {
  assert.deepEqual(browser.takeProblems(), [], 'the page logged errors');
});

async function gql(query, variables = {}) {
  const response = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

async function viewReady() {
  await page.waitForFunction(() => document.body.dataset.ready && !document.getElementById('main').hasAttribute('aria-busy'));
}

/** Opens an explorer URL (in `lang`, Chinese unless told) and waits for its view. */
async function open(path, lang = 'zh') {
  const url = new URL(path, server.base);
  url.searchParams.set('lang', lang);
  await page.goto(url.href);
  await viewReady();
}

/**
 * Runs axe-core on the page and fails on serious or critical violations, naming each rule, its
 * help and the first elements it found.
 */
async function assertAccessible(name) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      count: v.nodes.length,
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name}: axe found ${bad.length} serious or critical violations:\n${bad
    .map((v) => `- ${v.id} (${v.impact}, ${v.count}×): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n')}`);
}

const CELL_QUERY = `
query Cells($by: InstrumentDimension!, $level: InstrumentLevel!) {
  instrumentTable(by: $by, level: $level) {
    total
    columns { id }
    rows { key total cells { concept { id } count codes { cue provision { id } evidence { citation { gbt7714 } } } } }
  }
}`;

test('the instruments view counts codes as the API does and drills down to them', async () => {
  await open('/explore/instruments?by=region&level=tool');
  const { instrumentTable: table } = await gql(CELL_QUERY, { by: 'REGION', level: 'TOOL' });
  assert.match(await page.locator('.summary').innerText(), new RegExp(`${table.total}`));
  assert.equal(await page.locator('table.instruments tbody tr').count(), table.rows.length);
  // Every cell of the table and every bar segment says what the API says.
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const td = page.locator(`table.instruments tr[data-row="${row.key}"] td[data-concept="${cell.concept.id}"]`);
      assert.equal(await td.getAttribute('data-count'), String(cell.count), `${row.key} × ${cell.concept.id}`);
    }
  }
  const segments = page.locator('svg.stacked a.segment');
  assert.equal(await segments.count(), table.rows.flatMap((r) => r.cells).filter((c) => c.count > 0).length);
  await screenshot(page, 'instruments');

  // The biggest cell, clicked in the chart, lists as many codes as it counts.
  const biggest = table.rows.flatMap((r) => r.cells.map((c) => ({ row: r.key, ...c }))).sort((a, b) => b.count - a.count)[0];
  await page.locator(`svg.stacked a.segment[data-row="${biggest.row}"][data-concept="${biggest.concept.id}"]`).click();
  const drill = page.locator('#codes');
  await drill.locator('li.code').first().waitFor();
  assert.equal(await drill.locator('li.code').count(), biggest.count);
  assert.match(page.url(), new RegExp(`cell=${biggest.row}(~|%7E)${biggest.concept.id}`));
  assert.ok(await drill.locator('li.code blockquote mark.cue').count() > 0, 'the deciding words are marked');
  assert.equal(await drill.locator('li.code a[href^="/explore/document/"]').first().count(), 1, 'the provision links to its document');

  // "Cite" reveals the API's GB/T 7714 reference for the first code.
  const first = drill.locator('li.code').first();
  await first.locator('details.cite > summary').click();
  assert.equal((await first.locator('.cite-text').first().innerText()).trim(), biggest.codes[0].evidence.citation.gbt7714.trim());
  await first.locator('.cite button.copy').first().click();
  await first.locator('.cite-status').first().filter({ hasText: /./ }).waitFor();
  await screenshot(page, 'instruments-codes');
  await assertAccessible('instruments');
});

test('a table cell of the instruments view opens its codes too, also from the URL', async () => {
  await open('/explore/instruments');
  const { instrumentTable: table } = await gql(CELL_QUERY, { by: 'DOCUMENT', level: 'TYPE' });
  const row = table.rows[0];
  const cell = row.cells.find((c) => c.count > 0);
  await page.locator(`table.instruments tr[data-row="${row.key}"] td[data-concept="${cell.concept.id}"] a`).click();
  await page.locator('#codes li.code').first().waitFor();
  assert.equal(await page.locator('#codes li.code').count(), cell.count);
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'codes-title', 'the focus moves to the list');
  await page.reload();
  await viewReady();
  assert.equal(await page.locator('#codes li.code').count(), cell.count, 'the cell is kept in the URL');
  const links = await page.locator('ul.downloads a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.includes('/export/instruments.csv'), links.join(' '));
  assert.ok(links.some((l) => l.startsWith('/export/instrument-document-matrix.csv')), links.join(' '));
});

const NETWORK_QUERY = `
query Network($document: ID, $collective: Boolean!) {
  agencyNetwork(document: $document, collective: $collective) {
    nodes { agency { id } betweenness }
    edges { source { id } target { id } weight provisions { id } }
  }
}`;

test('the agency network has the API\'s nodes, sorts by centrality and lists shared tasks', async () => {
  await open('/explore/agencies?collective=false&size=betweenness');
  const { agencyNetwork: net } = await gql(NETWORK_QUERY, { document: null, collective: false });
  const cy = page.locator('#cy');
  await cy.locator('canvas').first().waitFor();
  assert.equal(Number(await cy.getAttribute('data-node-count')), net.nodes.length);
  assert.equal(Number(await cy.getAttribute('data-edge-count')), net.edges.length);
  assert.equal(await page.locator('table.agencies tbody tr').count(), net.nodes.length);
  // Sorted by betweenness, highest first.
  const top = [...net.nodes].sort((a, b) => b.betweenness - a.betweenness)[0];
  assert.equal(await page.locator('table.agencies tbody tr').first().getAttribute('data-agency'), top.agency.id);
  assert.equal(await page.locator('table.agencies th[aria-sort=descending]').count(), 1);
  await screenshot(page, 'agencies');

  // The heaviest pair, from the keyboard-usable pairs table: its shared tasks with quotes.
  const heaviest = [...net.edges].sort((a, b) => b.weight - a.weight)[0];
  await page.locator('details:has(table.pairs) > summary').click();
  await page.locator(`table.pairs tr[data-source="${heaviest.source.id}"][data-target="${heaviest.target.id}"] button`).click();
  const tasks = page.locator('.shared-tasks');
  await tasks.waitFor();
  assert.equal(await tasks.locator('> li').count(), heaviest.provisions.length);
  assert.equal(heaviest.provisions.length, heaviest.weight);
  assert.ok(await tasks.locator('blockquote').count() >= heaviest.weight, 'each task has its responsibility quote');
  assert.match(await tasks.locator('blockquote').first().innerText(), /牵头|責任|责任|负责|負責|单位|單位/);
  assert.ok(await tasks.locator('details.cite').count() > 0, 'the quotes can be cited');

  // The downloads are of the same network.
  const links = await page.locator('ul.downloads a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const path of ['/export/agency-network.gexf', '/export/agency-network.graphml', '/export/agency-network.csv', '/export/agency-network-nodes.csv']) {
    assert.ok(links.includes(`${path}?collective=false`), `${path} in ${links.join(' ')}`);
  }
  await screenshot(page, 'agencies-edge');
  await assertAccessible('agencies');
});

test('the agency network of one document, through the form', async () => {
  await open('/explore/agencies');
  const { documents } = await gql('{ documents { id } }');
  const all = await gql(NETWORK_QUERY, { document: null, collective: true });
  assert.equal(Number(await page.locator('#cy').getAttribute('data-node-count')), all.agencyNetwork.nodes.length);
  // The document whose network is largest.
  const sizes = await Promise.all(documents.map(async (d) => [d.id, (await gql(NETWORK_QUERY, { document: d.id, collective: true })).agencyNetwork.nodes.length]));
  const [docId, n] = sizes.sort((a, b) => b[1] - a[1])[0];
  await page.getByLabel('文件').selectOption(docId);
  await page.getByLabel('节点大小依据').selectOption('eigenvector');
  await page.getByRole('button', { name: '显示' }).click();
  await page.waitForURL(new RegExp(`document=${docId}.*size=eigenvector`));
  await viewReady();
  assert.equal(Number(await page.locator('#cy').getAttribute('data-node-count')), n);
  assert.ok((await page.locator('ul.downloads a').first().getAttribute('href')).endsWith(`?document=${docId}`));
});

const TIMELINE_QUERY = `
query T($earlier: ID!, $later: ID!) {
  documents { id }
  recurringEntities { entity { id } appearances { document { id } } }
  compareDocuments(earlier: $earlier, later: $later) {
    kept { id } added { id } dropped { id }
    tools { tool { id } earlier later }
    measures { measure { id } earlier { id } later { id } }
  }
}`;

test('the timeline shows the documents, recurring entities, a comparison and target series', async () => {
  await open('/explore/timeline?earlier=zhenjiang-2017&later=changzhou-2018');
  const data = await gql(TIMELINE_QUERY, { earlier: 'zhenjiang-2017', later: 'changzhou-2018' });
  assert.equal(await page.locator('ol.doc-timeline > li').count(), data.documents.length);
  assert.equal(await page.locator('table.recurring tbody tr').count(), data.recurringEntities.length);
  for (const r of data.recurringEntities.slice(0, 5)) {
    assert.equal(await page.locator(`table.recurring tr[data-entity="${r.entity.id}"]`).getAttribute('data-documents'), String(r.appearances.length));
  }
  const c = data.compareDocuments;
  for (const key of ['kept', 'added', 'dropped']) {
    assert.match(await page.locator(`details[data-set=${key}] > summary`).innerText(), new RegExp(`\\(${c[key].length}\\)`));
  }
  assert.equal(await page.locator('table.compare-tools tbody tr').count(), c.tools.length);
  const tool = c.tools[0];
  const cells = await page.locator(`table.compare-tools tr[data-tool="${tool.tool.id}"] td`).allInnerTexts();
  assert.deepEqual(cells.slice(0, 2), [String(tool.earlier), String(tool.later)]);
  const both = c.measures.filter((m) => m.earlier.length > 0 && m.later.length > 0);
  assert.equal(await page.locator('table.compare-measures tbody tr').count(), both.length);
  assert.ok(await page.locator('.series-item').count() > 0, 'measure series are shown');
  await screenshot(page, 'timeline', { fullPage: true });

  // The kind filter narrows the recurring entities in place.
  const before = await page.locator('table.recurring tbody tr:visible').count();
  await page.getByLabel('类型').selectOption({ index: 1 });
  assert.ok(await page.locator('table.recurring tbody tr:visible').count() < before);
  await assertAccessible('timeline');
});

test('the exports view lists every export with what opens it, and builds neighbourhood links', async () => {
  await open('/explore/exports');
  const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const path of [
    '/export', '/export/agency-network.gexf', '/export/agency-network.graphml', '/export/agency-network.csv',
    '/export/agency-network-nodes.csv', '/export/agency-network.csv-metadata.json', '/export/graph.gexf',
    '/export/graph.graphml', '/export/instruments.csv', '/export/agency-matrix.csv', '/export/entity-document-matrix.csv',
    '/export/instrument-document-matrix.csv?level=type', '/export/instrument-document-matrix.csv?level=tool', '/graphql', '/sparql',
  ]) {
    assert.ok(links.includes(path), `${path} is offered`);
  }
  assert.match(await page.locator('main').innerText(), /Gephi/);
  assert.match(await page.locator('main').innerText(), /UCINET/);
  const picker = page.getByRole('combobox', { name: '邻域的中心实体' });
  await picker.fill('苏科贷');
  await page.locator('[role=option][data-id="sukedai"]').first().click();
  await page.locator('a[href="/export/neighborhood.gexf?id=sukedai&hops=1"]').waitFor();
  await page.getByLabel('层数').selectOption('2');
  await page.locator('a[href="/export/neighborhood.graphml?id=sukedai&hops=2"]').waitFor();
  await screenshot(page, 'exports');
  await assertAccessible('exports');
});

test('the targets page summarises by region and year, repetitions merged, quotes a click away', async () => {
  await open('/explore/targets');
  const { targets } = await gql('{ targets { id ... on Target { value year measure { id } indicator region { id } } } }');
  const keys = new Set(targets.map((x) => [x.region ? x.region.id : '', x.measure ? x.measure.id : x.indicator, x.value, x.year].join('|')));
  const rows = page.locator('table.targets tbody tr');
  assert.equal(await rows.count(), keys.size);
  const counts = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.count)));
  assert.equal(counts.reduce((a, b) => a + b, 0), targets.length, 'every target is in one row');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 4500, `the page is ${height}px long`);
  const merged = page.locator('table.targets tbody tr:not([data-count="1"])').first();
  await merged.locator('details.quotes > summary').click();
  assert.ok(await merged.locator('blockquote a.quote').count() >= 1, 'the quotes open');
  await merged.locator('details.cite > summary').first().click();
  assert.match(await merged.locator('.cite-text').first().innerText(), /\[Z\]/);
  await screenshot(page, 'targets-summary');
  await assertAccessible('targets');
});

test('the graph leaves out sections and tasks unless asked, and its labels are legible', async () => {
  await open('/explore/graph/changzhou');
  await page.locator('#cy canvas').first().waitFor();
  const kinds = await page.locator('[data-filter=kinds] label').allInnerTexts();
  assert.ok(!kinds.some((k) => /章节|任务/.test(k)), `no sections or tasks: ${kinds.join(', ')}`);
  const names = await page.evaluate(() => [...document.querySelectorAll('.graph-list td:first-child, .graph-list td:last-child')].map((td) => td.innerText));
  assert.ok(names.length > 0);
  const without = Number(await page.locator('#cy').getAttribute('data-node-count'));
  await page.getByLabel('显示文件章节与任务').check();
  await page.waitForURL(/structure=1/);
  await viewReady();
  await page.locator('#cy canvas').first().waitFor();
  assert.ok(Number(await page.locator('#cy').getAttribute('data-node-count')) > without, 'the toggle adds them back');
  await screenshot(page, 'graph-structure');
});

test('one language per interface: English notes labelled in Chinese, Chinese titles marked in English', async () => {
  await open('/explore/instruments?by=document&level=tool');
  const { instrumentCodes } = await gql('{ instrumentCodes { note provision { id } tool { id } document { id } } }');
  const noted = instrumentCodes.find((c) => c.note);
  await open(`/explore/instruments?by=document&level=tool&cell=${noted.document.id}~${noted.tool.id}`);
  const note = page.locator('#codes .note').first();
  await note.waitFor();
  assert.match(await note.locator('.note-label').innerText(), /英文/);
  assert.equal(await note.locator('span[lang=en]').count(), 1);

  await open('/explore/document/changzhou-2018', 'en');
  const task = page.locator('table.tasks tbody tr').first();
  assert.equal(await task.locator('td:nth-child(2) a').first().getAttribute('lang'), 'zh-Hans');
  assert.match(await task.locator('.hint').first().innerText(), /Chinese title/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await assertAccessible('document (English)');
});

test('every quote on an entity page can be cited in GB/T 7714 and BibTeX', async () => {
  await open('/explore/entity/sukedai');
  const data = await gql('{ entity(id: "sukedai") { evidence { quote citation { gbt7714 bibtex } } } }');
  const figures = page.locator('#mentioned-title ~ .evidence-list figure.evidence');
  assert.equal(await figures.count(), data.entity.evidence.length);
  const first = figures.first();
  await first.locator('details.cite > summary').click();
  await first.locator('.cite-text').nth(1).waitFor();
  const texts = await first.locator('.cite-text').allInnerTexts();
  assert.equal(texts[0].trim(), data.entity.evidence[0].citation.gbt7714.trim());
  assert.equal(texts[1].trim(), data.entity.evidence[0].citation.bibtex.trim());
  assert.ok(await page.locator('.relation details.cite').count() > 0, 'relation quotes too');
  await screenshot(page, 'entity-cite');
});

for (const [name, path] of [
  ['home', '/'],
  ['entity', '/explore/entity/sukedai'],
  ['graph', '/explore/graph/zhongyi-changzhou-chuangxinyuan'],
  ['path', '/explore/path?from=sukedai&to=changzhou-kejiaocheng'],
  ['industry', '/explore/industry?industry=shimoxi&region=changzhou'],
  ['documents', '/explore/documents'],
  ['document', '/explore/document/changzhou-2018'],
  ['instruments (agency rows, English)', '/explore/instruments?by=agency&level=tool&lang=en'],
  ['agencies (English)', '/explore/agencies?lang=en'],
  ['timeline (English)', '/explore/timeline?lang=en'],
]) {
  test(`axe finds no serious or critical problems: ${name}`, async () => {
    const url = new URL(path, 'http://x');
    await open(url.pathname + url.search, url.searchParams.get('lang') || 'zh');
    if (await page.locator('#cy').count()) await page.locator('#cy canvas').first().waitFor();
    await assertAccessible(name);
  });
}
