// A release built for a provider other than the example, as its visitors and sales staff get it:
// its name, colours and favicon everywhere, nothing left of the example's, and the public demo key
// refused by its console. Usage: node .ci/provider.mjs <dist> <provider folder>
// (after `BIAYA_PROVIDER_DIR=<provider folder> trunk build --release --dist <dist>`).
// The provider's name and colours are read from its provider.toml here, not from the build.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, serve, checks } from './browser.mjs';

const [dist, folder] = process.argv.slice(2);
if (!dist || !folder) throw new Error('usage: node .ci/provider.mjs <dist> <provider folder>');
const toml = await readFile(join(folder, 'provider.toml'), 'utf8');
/** A top-level `key = "text"` of the provider file. */
const field = (key) => toml.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
const name = field('name');
const brand = field('brand_colour').toLowerCase();
const tint = field('tint_colour')?.toLowerCase();
const chart = field('chart_colour')?.toLowerCase();
const favicon = (await readFile(join(folder, 'favicon.svg'), 'utf8')).trim();
const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

const { check, finish } = checks();

const index = await readFile(join(dist, 'index.html'), 'utf8');
const consolePage = await readFile(join(dist, 'console.html'), 'utf8');
check(`the page's title and link preview name ${name}`, index.includes(`<title>Biaya outsourcing · ${name}</title>`)
  && index.includes(`<meta property="og:site_name" content="${name}">`));
check("nothing of the example's identity is left in the pages", ![index, consolePage].some((html) => /Nusa Layanan|nusa-layanan|NLY\//.test(html)));
const sheets = (await readdir(dist)).filter((n) => n.endsWith('.css'));
const css = (await Promise.all(sheets.map((n) => readFile(join(dist, n), 'utf8')))).join('\n').toLowerCase();
check("the style sheets hold the provider's colours, none of the example's teal", css.includes(brand)
  && (!tint || css.includes(tint)) && (!chart || css.includes(chart)) && !/#0c5a61|#e6f2f2|#5a9a9f/.test(css));

const { origin, close } = await serve(dist);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', serviceWorkers: 'block' });
const problems = [];
const page = await context.newPage();
page.on('pageerror', (e) => problems.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
await page.goto(origin, { waitUntil: 'load' });
await page.waitForSelector('[data-testid="empty-invitation"]');
const header = await page.textContent('header');
check(`the page's header names ${name}`, header.includes(name), header);
const painted = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim().toLowerCase());
check(`the page is painted in its brand colour ${brand}`, painted === brand, painted);
const iconHref = await page.getAttribute('link[rel="icon"]', 'href');
const icon = iconHref ? (await readFile(join(dist, iconHref.replace(/^\.\//, '')), 'utf8')).trim() : '';
check("the favicon is the provider's favicon.svg", icon === favicon, iconHref ?? 'no <link rel=icon>');
// Its charts, from the deferred module's sheet: the fixed part brand, the variable part chart.
await page.click('[data-testid="activity-accounting"]');
await page.click('[data-testid="activity-sales"]');
await page.waitForSelector('[data-testid="chart-contributions"] rect.variable', { timeout: 10000 });
const fills = await page.evaluate(() => ['fixed', 'variable'].map((part) => getComputedStyle(document.querySelector(`[data-testid="chart-contributions"] rect.${part}`)).fill));
check("the charts are drawn in the provider's colours", fills[0] === rgb(brand) && (!chart || fills[1] === rgb(chart)), fills.join(' / '));

// The console: its band in the provider's tint; the demo key, whose private half is public,
// is refused, and nobody is signed in.
const sales = await context.newPage();
sales.on('pageerror', (e) => problems.push(String(e)));
await sales.goto(`${origin}/console.html`, { waitUntil: 'load' });
await sales.waitForSelector('[data-testid="console-key"][data-state="ready"]');
const band = await sales.evaluate(() => getComputedStyle(document.querySelector('.console')).backgroundColor);
check("the console's band is the provider's tint", !tint || band === rgb(tint), band);
await sales.setInputFiles('[data-testid="console-key-file"]', 'tests/fixtures/demo-key.jwk');
await sales.waitForSelector('[data-testid="console-key-status"].bad', { timeout: 10000 }).catch(() => null);
const status = (await sales.textContent('[data-testid="console-key-status"]')) ?? '';
check('the demo key is refused by its console', status.includes('SD-14cd3d') && (await sales.$('[data-testid="console-signer"]')) === null, status);
check('no script error', problems.length === 0, problems.join(' | '));

await browser.close();
close();
process.exit(finish('page'));
