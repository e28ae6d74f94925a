// Starts the real sunan-kg server on a free port and Debian's Chromium through Playwright, and
// keeps what the browser logs so that tests can fail on any console or page error.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { pictureStats } from './png.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(REPO, 'target', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The server binary: $SUNAN_KG_BIN, or a debug build made now with cargo. */
function serverBinary() {
  if (process.env.SUNAN_KG_BIN) return resolve(process.env.SUNAN_KG_BIN);
  const built = spawnSync('cargo', ['build', '--locked', '--bin', 'sunan-kg'], { cwd: REPO, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`cargo build failed with status ${built.status}`);
  return join(REPO, 'target', 'debug', process.platform === 'win32' ? 'sunan-kg.exe' : 'sunan-kg');
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/**
 * Starts the server and resolves once /health answers; `stop()` ends it. With
 * $SUNAN_KG_BASE_URL set, uses the server already running there instead (and leaves it running),
 * for trying explorer changes through a development proxy without a rebuild.
 */
export async function startServer() {
  if (process.env.SUNAN_KG_BASE_URL) return existingServer(process.env.SUNAN_KG_BASE_URL.replace(/\/+$/, ''));
  const binary = serverBinary();
  if (!existsSync(binary)) throw new Error(`no server binary at ${binary}`);
  const port = await freePort();
  const child = spawn(binary, ['serve', '--addr', `127.0.0.1:${port}`], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', RUST_LOG: 'warn' },
  });
  let log = '';
  child.stderr.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  // Wait for the server to answer (it builds its indexes first), giving up if it exits.
  for (let attempt = 0; ; attempt += 1) {
    if (attempt > 1500) throw new Error(`the server did not answer /health in five minutes:\n${log}`);
    const early = await Promise.race([exited, new Promise((ok) => setTimeout(() => ok(null), 200))]);
    if (early) throw new Error(`the server exited (${JSON.stringify(early)}) before answering:\n${log}`);
    try {
      const response = await fetch(`${base}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
  }
  return {
    base,
    log: () => log,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function existingServer(base) {
  const response = await fetch(`${base}/health`).catch((error) => {
    throw new Error(`nothing answers at SUNAN_KG_BASE_URL=${base}: ${error.message}`);
  });
  if (!response.ok) throw new Error(`${base}/health answered ${response.status}`);
  return { base, log: () => '', async stop() {} };
}

/**
 * Debian's Chromium, headless, with a fresh profile; the profile is removed on close. With
 * `bypassCSP`, the pages' content security policy is not applied, so that a test can inject a
 * script such as axe-core (the explorer's own policy allows no inline scripts).
 */
export async function startBrowser({ bypassCSP = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'sunan-kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    bypassCSP,
  });
  const problems = [];
  const watch = (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText || '';
      // Leaving a page cancels what it was still fetching; that is not the page failing.
      if (!reason.includes('ERR_ABORTED')) problems.push(`request failed: ${request.url()} (${reason})`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] || (await context.newPage());
  return {
    context,
    page,
    /** The errors logged since the last call, and forgets them. */
    takeProblems() {
      return problems.splice(0, problems.length);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a screenshot of the page (or of one element) under target/screenshots/ and checks that
 * it is not blank: its brightness must vary and it must have more than a handful of colours.
 */
export async function screenshot(target, name, { fullPage = false } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  const png = 'goto' in target ? await target.screenshot({ fullPage }) : await target.screenshot();
  writeFileSync(file, png);
  const stats = pictureStats(png);
  if (stats.stddev < 8 || stats.colours < 16) {
    throw new Error(`screenshot ${file} looks blank (brightness spread ${stats.stddev.toFixed(1)}, ${stats.colours} colours)`);
  }
  return { file, ...stats };
}

/** Removes the screenshots of an earlier run. */
export function clearScreenshots() {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
}
