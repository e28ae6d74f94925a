// The explorer in a real browser (Debian's Chromium, headless) against the real server, as a
// policy researcher would use it. Every view is photographed into target/screenshots/, each
// picture is checked not to be blank, and any console or page error fails the test.

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, screenshot, clearScreenshots } from './harness.js';

let server;
let browser;
let page;

before(async () => {
  clearScreenshots();
  server = await startServer();
  browser = await startBrowser();
  page = browser.page;
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

afterEach(() => {
  assert.deepEqual(browser.takeProblems(), [], 'the page logged errors');
});

async function gql(query) {
  const response = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** Opens an explorer URL and waits until its view has finished loading. */
async function open(path) {
  await page.goto(`${server.base}${path}`);
  await viewReady();
}

async function viewReady() {
  await page.waitForFunction(() => document.body.dataset.ready && !document.getElementById('main').hasAttribute('aria-busy'));
}

/** Types into a search box and waits for the suggestion of entity `id`. */
async function suggest(input, text, id) {
  await input.fill(text);
  const option = page.locator(`[role=option][data-id="${id}"]`);
  await option.first().waitFor({ state: 'visible' });
  return option.first();
}

const headerSearch = () => page.locator('header input[role=combobox]');

test('the start page is served at / with the explorer', async () => {
  await open('/');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
  await page.locator('.stats .stat').first().waitFor();
  assert.ok(await page.locator('.chips li').count() > 0, 'starting points are listed');
  await screenshot(page, 'home');
});

test('search suggests 苏科贷 as you type, in any script, pinyin or English, with its kind', async () => {
  await open('/');
  for (const text of ['蘇科貸', 'sukedai', 'skd', 'Su Ke Dai']) {
    await suggest(headerSearch(), text, 'sukedai');
  }
  const option = await suggest(headerSearch(), '苏科贷', 'sukedai');
  assert.match(await option.innerText(), /金融产品/);
  // An entity that lies somewhere shows its city.
  const park = await suggest(headerSearch(), '中以常州', 'zhongyi-changzhou-chuangxinyuan');
  assert.match(await park.locator('.hit-region').innerText(), /常州/);
  await suggest(headerSearch(), '苏科贷', 'sukedai');
  await screenshot(page, 'search');
});

test('the entity page of 苏科贷 shows its names, relations and their quotes', async () => {
  await open('/');
  const option = await suggest(headerSearch(), '苏科贷', 'sukedai');
  await option.click();
  await page.waitForURL('**/explore/entity/sukedai');
  await viewReady();
  assert.equal(await page.locator('h1').innerText(), '苏科贷');
  assert.match(await page.locator('table.names').innerText(), /蘇科貸/);
  assert.match(await page.locator('table.names').innerText(), /sū kē dài/);
  const relations = page.locator('.relation');
  assert.ok(await relations.count() > 0, 'relations are listed');
  const quotes = await page.locator('.relation a.quote').allInnerTexts();
  assert.ok(quotes.some((q) => /苏科贷|蘇科貸/.test(q)), `a quote names 苏科贷: ${quotes.join(' | ')}`);
  await screenshot(page, 'entity');
});

test('clicking a quote opens the document at that sentence, highlighted', async () => {
  await open('/explore/entity/sukedai');
  const quote = page.locator('.relation a.quote').first();
  const quoted = (await quote.innerText()).replace(/^“|”$/g, '');
  await quote.click();
  await page.waitForURL(/\/explore\/document\/[^/?]+\?at=\d+-\d+$/);
  await viewReady();
  const mark = page.locator('mark#quote');
  await mark.waitFor({ state: 'visible' });
  const squash = (s) => s.replace(/\s+/g, '');
  assert.equal(squash(await mark.innerText()), squash(quoted));
  assert.ok(await page.locator('.doc-text a.mention').count() > 10, 'the names in the text are linked');
  assert.ok(await mark.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }), 'the quote is scrolled into view');
  await screenshot(page, 'document');
});

test('the graph view draws the neighbourhood, filters it and expands a node', async () => {
  await open('/explore/entity/zhongyi-changzhou-chuangxinyuan');
  await page.getByRole('link', { name: '在图中查看' }).click();
  await page.waitForURL('**/explore/graph/zhongyi-changzhou-chuangxinyuan');
  await viewReady();
  const cy = page.locator('#cy');
  await cy.locator('canvas').first().waitFor();
  const nodes = Number(await cy.getAttribute('data-node-count'));
  assert.ok(nodes > 0, `nodes are drawn (${nodes})`);
  await screenshot(cy, 'graph-canvas');
  await screenshot(page, 'graph');

  // The neighbourhood downloads as GEXF, with the entity in it.
  const gexfLink = page.locator('.downloads a', { hasText: 'GEXF' });
  const gexf = await (await fetch(new URL(await gexfLink.getAttribute('href'), server.base))).text();
  assert.match(gexf, /<gexf[^>]*version="1.3"/);
  assert.ok(gexf.includes('id="zhongyi-changzhou-chuangxinyuan"'), 'the seed is a node of the file');

  // The legend filters by kind: hiding a kind takes its nodes out of the count.
  const status = page.locator('.graph-status');
  const before = await status.innerText();
  const firstKind = page.locator('[data-filter=kinds] input[type=checkbox]').nth(1);
  await firstKind.uncheck();
  assert.notEqual(await status.innerText(), before);
  assert.match(page.url(), /hideKinds=/);
  await firstKind.check();

  // Select a neighbour through the side panel and expand it.
  await page.locator('.neighbours button[data-node="yiselie"]').click();
  await page.getByRole('button', { name: '展开邻居' }).click();
  await page.waitForURL(/expand=yiselie/);
  await page.waitForFunction((n) => Number(document.getElementById('cy').dataset.nodeCount) > n, nodes);
  await screenshot(page, 'graph-expanded');
});

test('the path finder finds and draws 苏科贷 → 常州科教城, each step with its quote', async () => {
  await open('/explore/path');
  await (await suggest(page.getByRole('combobox', { name: '起点' }), '苏科贷', 'sukedai')).click();
  await (await suggest(page.getByRole('combobox', { name: '终点' }), '常州科教城', 'changzhou-kejiaocheng')).click();
  await page.getByRole('button', { name: '查找路径' }).click();
  await page.waitForURL(/from=sukedai&to=changzhou-kejiaocheng/);
  await viewReady();
  await page.locator('.path-list .step').first().waitFor();
  assert.ok(await page.locator('.path-list .step .evidence').count() > 0, 'steps carry evidence');
  assert.ok(Number(await page.locator('#cy').getAttribute('data-node-count')) > 0, 'the path is drawn');
  await screenshot(page, 'path');
});

test('from 中以常州创新园 to 以色列 is one step', async () => {
  await open('/explore/path?from=zhongyi-changzhou-chuangxinyuan&to=yiselie');
  await page.locator('.path-list .step').first().waitFor();
  assert.equal(await page.locator('.path-list > li:first-child .step').count(), 1);
});

test('the industry view lists who supports 石墨烯 in 常州', async () => {
  await open('/explore/industry');
  await (await suggest(page.getByRole('combobox', { name: '产业' }), '石墨烯', 'shimoxi')).click();
  await page.getByLabel('城市或地区（可选）').selectOption('changzhou');
  await page.getByRole('button', { name: '查看支持者' }).click();
  await page.waitForURL(/industry=shimoxi&region=changzhou/);
  await viewReady();
  const rows = page.locator('table.supporters tbody tr');
  await rows.first().waitFor();
  const expected = await gql('{ supporters(industry: "shimoxi", region: "changzhou") { entity { id } } }');
  assert.equal(await rows.count(), expected.supporters.length);
  assert.ok(await page.locator('table.supporters .evidence').count() > 0, 'with the sentence that says so');
  await screenshot(page, 'industry');
});

test('documents list their tasks, agencies and targets', async () => {
  await open('/explore/documents');
  const expected = await gql('{ documents { id } }');
  assert.equal(await page.locator('.document-card').count(), expected.documents.length);
  await screenshot(page, 'documents');
  await page.locator('.document-card h2 a').first().click();
  await viewReady();
  assert.ok(await page.locator('table.tasks tbody tr').count() > 0, 'tasks are listed');
  assert.ok(await page.locator('table.tasks a.entity-link').count() > 0, 'responsible agencies are linked');
  await screenshot(page, 'document-tasks');
});

test('targets are summarised by region and year, every target in one row', async () => {
  await open('/explore/targets');
  const expected = await gql('{ targets { id } }');
  // A target stated twice (goals and task) is one row: the rows' counts add up to all targets.
  const counts = await page.locator('table.targets tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.count)));
  assert.equal(counts.reduce((a, b) => a + b, 0), expected.targets.length);
  assert.ok(await page.locator('table.overview tbody tr').count() > 0, 'the region × year overview is drawn');
  await screenshot(page, 'targets');
});

test('the language switch changes the interface and the names to English and back', async () => {
  await open('/explore/entity/sukedai');
  await page.locator('button[data-lang=en]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await viewReady();
  const english = await gql('{ entity(id: "sukedai") { name(lang: EN) } }');
  assert.equal(await page.locator('h1').innerText(), english.entity.name);
  assert.match(await page.locator('header nav').innerText(), /Paths/);
  assert.match(await page.locator('main').innerText(), /Relations/);
  await screenshot(page, 'entity-en');

  // The choice holds across views and reloads.
  await open('/explore/industry?industry=shimoxi&region=changzhou');
  assert.match(await page.locator('h2#supporters-title').innerText(), /supporters of/);
  await screenshot(page, 'industry-en');
  await open('/explore/graph/zhongyi-changzhou-chuangxinyuan');
  await page.locator('#cy canvas').first().waitFor();
  assert.match(await page.locator('.graph-status').innerText(), /nodes/);
  await screenshot(page, 'graph-en');

  await page.locator('button[data-lang=zh]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  await viewReady();
  assert.match(await page.locator('header nav').innerText(), /路径/);
});

test('a failed request is explained on the page', async () => {
  await open('/explore/entity/no-such-entity');
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /no-such-entity/);
  assert.ok(await alert.getByRole('button').count() > 0, 'with a way to try again');
});

test('GraphiQL and the explorer run under their content security policies', async () => {
  // A script, style or font the policy does not allow is a console error, which fails the test.
  const response = await page.goto(`${server.base}/graphql`);
  assert.match(response.headers()['content-security-policy'] || '', /default-src 'self'/);
  await page.locator('.graphiql-container').waitFor();
  await page.locator('.graphiql-query-editor, .graphiql-editor').first().waitFor();
  await screenshot(page, 'graphiql');
  const explorer = await page.goto(`${server.base}/explore/graph/zhongyi-changzhou-chuangxinyuan`);
  assert.match(explorer.headers()['content-security-policy'] || '', /script-src 'self';/);
  await viewReady();
  await page.locator('#cy canvas').first().waitFor();
  // The analysis views too (analysis.test.js checks them with the policy off, to run axe).
  for (const path of ['/explore/instruments?by=agency&cell=changzhou-shi-kejiju~supply', '/explore/agencies', '/explore/timeline', '/explore/exports', '/explore/targets']) {
    await open(path);
    assert.equal(await page.locator('main [role=alert]').count(), 0, `${path} shows no error`);
  }
});
