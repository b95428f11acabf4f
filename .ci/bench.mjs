// Speed and size of the release build, measured in Debian's headless Chromium on loopback. Prints
// figures; asserts nothing (the goals are in the README). Usage, after `trunk build --release`:
//   node .ci/bench.mjs [dist]
// - the first load in bytes (.ci/size.mjs: its budget is the gate, here it is only printed)
// - navigation to the first estimate on screen, 20 loads, beside a static HTML page showing the
//   same figures served the same way; and the same for the smallest Yew page (tests/floor)
// - a keystroke in a volume field to the updated total in the DOM, 200 edits
// - the engine alone: one four-activity estimate, in the browser and natively (criterion)
import { execFileSync } from 'node:child_process';
import { launch, serve } from './browser.mjs';
import { firstLoadBytes, measure, report } from './size.mjs';

const dist = process.argv[2] ?? 'dist';
// A full four-activity estimate (tests/golden.rs, first entry).
const LINK = 'v=1&t=2026-11&s=jakarta&k=36m&c=USD&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&accounting=4000.1500.250.2.6~1&fulfilment=12000.9000.120.0.300.40~1&sales=3.40.150~1&for=PT%20Maju%20Jaya&by=Sari%20Dewi&contact=sari@contoh.co.id&ref=Q-118&d=2026-11-27&z=650f28cf';

console.log('== what the first load transfers');
console.log((await report(dist)).text);

const browser = await launch();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(2)} ms`;

// Records when the monthly total first shows a figure, from navigation start.
const watchFirstFigure = () => {
  const seen = () => {
    const el = document.querySelector('[data-testid="total-monthly"]');
    return el && /[1-9]/.test(el.textContent) ? performance.now() : null;
  };
  new MutationObserver((_, observer) => {
    const at = seen();
    if (at !== null && window.__first === undefined) { window.__first = at; observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

async function firstFigure(url, loads) {
  const times = [];
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(watchFirstFigure);
    await page.goto(url);
    await page.waitForFunction(() => window.__first !== undefined);
    times.push(await page.evaluate(() => window.__first));
    await context.close();
  }
  return times;
}

// Navigation to the first figure of `dist` opened at `path`, 20 loads, beside its static twin:
// the rendered page without its scripts, served the same way.
async function firstLoad(label, dist, path) {
  let twinPage = '';
  const { origin, close } = await serve(dist, (p) => (p === '/static.html' ? twinPage : undefined));
  {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="total-monthly"]')?.textContent ?? ''));
    await page.waitForTimeout(300);
    twinPage = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true);
      copy.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"], meta[http-equiv]').forEach((e) => e.remove());
      return `<!doctype html>\n${copy.outerHTML}`;
    });
    await context.close();
  }
  const app = await firstFigure(`${origin}${path}`, 20);
  const twin = await firstFigure(`${origin}/static.html`, 20);
  close();
  console.log(`${label.padEnd(10)} median ${ms(median(app))}  min ${ms(Math.min(...app))}  max ${ms(Math.max(...app))}`);
  console.log(`${'static'.padEnd(10)} median ${ms(median(twin))}  min ${ms(Math.min(...twin))}  max ${ms(Math.max(...twin))}`);
  console.log(`${'ratio'.padEnd(10)} ${(median(app) / median(twin)).toFixed(2)} x the static page`);
}

console.log('\n== navigation to the first estimate on screen (20 loads each; goal: 1.5 x the static page)');
await firstLoad('app', dist, `/#${LINK}`);

// The yardstick: the smallest Yew page that shows one figure (tests/floor), built and measured
// the same way. No page built with this stack loads faster, whatever it draws.
console.log('\n== the smallest Yew page showing one figure (tests/floor), built and measured the same way');
const floor = new URL('../target/floor/', import.meta.url).pathname;
execFileSync('trunk', ['build', '--release', '--dist', `${floor}dist`], {
  cwd: new URL('../tests/floor/', import.meta.url).pathname,
  // wasm-opt from .ci/tools' npm binaryen: Trunk would otherwise try to download one.
  env: { ...process.env, CARGO_TARGET_DIR: floor, PATH: `${new URL('../.tools/node_modules/.bin', import.meta.url).pathname}:${process.env.PATH}` },
  stdio: 'ignore',
});
console.log(`first load (floor) ${firstLoadBytes(await measure(`${floor}dist`)).toLocaleString('en-US')} bytes brotli`);
await firstLoad('floor', `${floor}dist`, '/');

const { origin, close } = await serve(dist);

console.log('\n== a keystroke in a volume field to the updated total (200 edits)');
{
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${origin}/#${LINK}`);
  await page.waitForSelector('[data-testid="input-call-centre-minutes"]');
  // Typing starts once the page is whole: the charts and the breakdown follow the first paint,
  // and a keystroke timed while they are drawn would time them.
  await page.waitForSelector('[data-testid="method"]');
  await page.waitForTimeout(500);
  const edits = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid="input-call-centre-minutes"]');
    const total = document.querySelector('[data-testid="total-monthly"]');
    const times = [];
    for (let i = 0; i < 200; i += 1) {
      const before = total.textContent;
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (total.textContent !== before) { observer.disconnect(); resolve(performance.now()); }
        });
        observer.observe(total, { childList: true, subtree: true, characterData: true });
      });
      const start = performance.now();
      input.value = String(40000 + i * 137);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      times.push((await changed) - start);
      await new Promise((r) => setTimeout(r, 0));
    }
    return times;
  });
  console.log(`median ${ms(median(edits))}  p95 ${ms(quantile(edits, 0.95))}  max ${ms(Math.max(...edits))} (goal: p95 under 4 ms)`);
  const engine = await page.evaluate(() => window.wasmBindings.bench_engine(500));
  console.log('\n== the engine alone: one four-activity estimate in USD');
  console.log(`browser (wasm)  ${ms(engine)} per estimate, mean of 500`);
  await context.close();
}

await browser.close();
close();

const native = execFileSync('cargo', ['bench', '--bench', 'estimate', '--', '--warm-up-time', '1', '--measurement-time', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const line = native.split('\n').find((l) => l.includes('time:'));
console.log(`native          ${line ? line.trim() : native.trim()}`);
