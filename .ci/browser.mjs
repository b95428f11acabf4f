// What the page checks and the benchmark share: dist/ served on loopback, and Debian's Chromium
// driven by playwright-core (installed by .ci/tools under .tools/), never a downloaded browser.
import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, relative, sep } from 'node:path';
import { brotli } from './size.mjs';

export const require = createRequire(new URL('../.tools/node_modules/', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};

// Serves `dist` at the root; `extra` maps a path to a page made in memory. With `{ brotli: true }`
// every response is brotli at quality 11 (`Content-Encoding: br`) to a browser that accepts it,
// as a CDN serves the release: the files are compressed once, here, so no request waits for it.
export async function serve(dist, extra = () => undefined, { brotli: compress = false } = {}) {
  const packed = new Map();
  if (compress) {
    for (const f of await readdir(dist, { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const file = join(f.parentPath ?? f.path, f.name);
      packed.set(relative(dist, file).split(sep).join('/'), brotli(await readFile(file)));
    }
  }
  // Pages made in memory are compressed on their first request, then kept.
  const made = new Map();
  const send = (req, res, type, body, br) => {
    const headers = { 'content-type': type };
    if (compress) {
      headers.vary = 'Accept-Encoding';
      if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        headers['content-encoding'] = 'br';
        body = br();
      }
    }
    res.writeHead(200, headers);
    res.end(body);
  };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const page = extra(path);
    if (page !== undefined) {
      send(req, res, types['.html'], page, () => {
        if (!made.has(page)) made.set(page, brotli(Buffer.from(page)));
        return made.get(page);
      });
      return;
    }
    const name = path.endsWith('/') ? `${path}index.html` : path;
    try {
      const body = await readFile(join(dist, name));
      send(req, res, types[extname(name)] ?? 'application/octet-stream', body, () => packed.get(name.replace(/^[/\\]+/, '').split(sep).join('/')) ?? brotli(body));
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export function launch() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

// A full four-activity estimate, a prospect's own (tests/golden.rs's first entry without its
// quotation fields, which open the quotation view): what the benchmark and the profiles type in.
export const FOUR_ACTIVITIES = 'v=1&t=2026-11&s=jakarta&k=36m&c=USD&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&accounting=4000.1500.250.2.6~1&fulfilment=12000.9000.120.0.300.40~1&sales=3.40.150~1&z=a3f3cc3c';

// Issue 27's case, opened at 1280 px: the four activities, the call centre's agents sized by
// Erlang C from their calls, both comparisons on the page, every deferred part drawn and settled.
export async function openSized(browser, origin) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/#${FOUR_ACTIVITIES}`);
  await page.waitForSelector('[data-testid="method"]');
  await page.click('[data-testid="model-call-centre-dedicated"]');
  await page.click('[data-testid="sizing-call-centre"]');
  await page.waitForSelector('[data-testid="traffic-call-centre-calls"]');
  await page.waitForSelector('[data-testid="compare-sites"]');
  await page.waitForSelector('[data-testid="compare-terms"]');
  await page.waitForTimeout(500);
  return { context, page };
}

/** A sales console at 1280 px in a browser context of its own, in Jakarta with the clock fixed
 * at `at`, the visitor's language stored as `lang` ('id' or 'en'), and `key` loaded; script
 * errors go to `problems` where one is given. */
export async function consoleWith(browser, origin, { key = 'tests/fixtures/demo-key.jwk', lang = 'en', at = '2026-12-08T03:00:00Z', problems } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'id' ? 'id-ID' : 'en-GB', timezoneId: 'Asia/Jakarta', serviceWorkers: 'block', acceptDownloads: true });
  await context.clock.setFixedTime(new Date(at));
  await context.addInitScript((code) => localStorage.setItem('biaya-bpo.lang', code), lang);
  const page = await context.newPage();
  if (problems) page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${origin}/console.html`);
  await page.waitForSelector('[data-testid="console-key"][data-state="ready"]');
  await page.setInputFiles('[data-testid="console-key-file"]', key);
  await page.waitForSelector('[data-testid="console-signer"]');
  return { context, page };
}

/** A script's checks, each printed `ok` or `FAIL` with its detail. `finish(suite)` prints the
 * count line the test command sums (`suite: N passed, M failed`) and gives the exit code. */
export function checks() {
  let passed = 0;
  let failed = 0;
  const check = (name, ok, detail = '') => {
    if (ok) passed += 1; else failed += 1;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
  };
  const finish = (suite) => {
    console.log(`${suite}: ${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  };
  return { check, finish };
}
