// Speed and size of the release build, measured in Debian's headless Chromium. Prints figures;
// asserts nothing (the goals are in the README). Usage, after `trunk build --release`:
//   node .ci/bench.mjs [dist]
// - the first load in bytes (.ci/size.mjs: its budget is the gate, here it is only printed)
// - on loopback: navigation to the first estimate on screen, 20 loads, beside a static HTML page
//   showing the same figures served the same way; and the same for the smallest Yew page
//   (tests/floor); a keystroke in a volume field to the updated total in the DOM, 200 edits; the
//   engine alone, one four-activity estimate, in the browser and natively (criterion)
// - on a phone (Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up,
//   CPU slowed 4x, files brotli-compressed as a CDN serves them), 5 loads each: the landing page
//   and a four-activity link, their static twins and tests/floor: when the figure is in the DOM,
//   when it is painted, and the first contentful paint
import { execFileSync } from 'node:child_process';
import { FOUR_ACTIVITIES, launch, serve } from './browser.mjs';
import { firstLoadBytes, measure, report } from './size.mjs';

const dist = process.argv[2] ?? 'dist';

// When a page counts as shown, run in the page after every change to its DOM. Written as code
// into the page's init script (not evaluated from a string, which its CSP forbids).
// The landing page's first meaningful content: the activity picker (prerendered in the HTML since
// issue 16; before it, drawn by the WebAssembly).
const LANDING_SHOWN = () => document.querySelector('[data-testid="activity-call-centre"]') !== null;
// A link's estimate: the monthly total shows a figure other than zero.
const FIGURE_SHOWN = () => /[1-9]/.test(document.querySelector('[data-testid="total-monthly"]')?.textContent ?? '');

console.log('== what the first load transfers');
console.log((await report(dist)).text);

const browser = await launch();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(2)} ms`;

// Records, from navigation start, when `shown` first holds, when the frame that shows it has been
// painted (a timeout set in the next animation frame runs after its paint), and when the first
// contentful paint happens. The observer is in place before the page's first byte is parsed, so a
// static page counts from the moment its parser inserts the figure.
const watch = (shown) => `(() => {
  const shown = ${shown};
  const check = () => {
    if (window.__shown === undefined && shown()) {
      window.__shown = performance.now();
      requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }));
    }
    return window.__shown !== undefined;
  };
  new MutationObserver((_, observer) => { if (check()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
})();`;

// One load in a fresh context: no cache, no service worker, no storage from an earlier load.
// `phone` applies the network and CPU of a phone through the DevTools protocol before navigating.
async function load(url, shown, phone = false) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (phone) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript({ content: watch(shown) });
  await page.goto(url);
  await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 60000 });
  // A page whose first paint comes after the figure: wait for it too (a page with nothing to
  // paint never gets one; it is then missing, not zero).
  await page.waitForFunction(() => window.__fcp !== undefined, null, { timeout: 10000 }).catch(() => {});
  const times = await page.evaluate(() => ({ shown: window.__shown, painted: window.__painted, fcp: window.__fcp }));
  await context.close();
  return times;
}

// The rendered page at `url` without its scripts: what a browser shows when the figures come in
// the HTML itself.
async function twinOf(url, shown) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript({ content: watch(shown) });
  await page.goto(url);
  await page.waitForFunction(() => window.__shown !== undefined);
  await page.waitForTimeout(300);
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"], meta[http-equiv]').forEach((e) => e.remove());
    return `<!doctype html>\n${copy.outerHTML}`;
  });
  await context.close();
  return html;
}

// Navigation to the first figure of `dist` opened at `path`, 20 loads, beside its static twin
// served the same way.
async function firstLoad(label, dist, path) {
  let twinPage = '';
  const { origin, close } = await serve(dist, (p) => (p === '/static.html' ? twinPage : undefined));
  twinPage = await twinOf(`${origin}${path}`, FIGURE_SHOWN);
  const app = [];
  const twin = [];
  for (let i = 0; i < 20; i += 1) app.push((await load(`${origin}${path}`, FIGURE_SHOWN)).shown);
  for (let i = 0; i < 20; i += 1) twin.push((await load(`${origin}/static.html`, FIGURE_SHOWN)).shown);
  close();
  console.log(`${label.padEnd(10)} median ${ms(median(app))}  min ${ms(Math.min(...app))}  max ${ms(Math.max(...app))}`);
  console.log(`${'static'.padEnd(10)} median ${ms(median(twin))}  min ${ms(Math.min(...twin))}  max ${ms(Math.max(...twin))}`);
  console.log(`${'ratio'.padEnd(10)} ${(median(app) / median(twin)).toFixed(2)} x the static page`);
}

console.log('\n== loopback: navigation to the first estimate on screen (20 loads each; goal: 1.5 x the static page)');
await firstLoad('app', dist, `/#${FOUR_ACTIVITIES}`);

// The yardstick: the smallest Yew page that shows one figure (tests/floor), built and measured
// the same way. No page built with this stack loads faster, whatever it draws.
console.log('\n== loopback: the smallest Yew page showing one figure (tests/floor), built and measured the same way');
const floor = new URL('../target/floor/', import.meta.url).pathname;
const floorDist = `${floor}dist`;
execFileSync('trunk', ['build', '--release', '--dist', floorDist], {
  cwd: new URL('../tests/floor/', import.meta.url).pathname,
  // wasm-opt from .ci/tools' npm binaryen: Trunk would otherwise try to download one.
  env: { ...process.env, CARGO_TARGET_DIR: floor, PATH: `${new URL('../.tools/node_modules/.bin', import.meta.url).pathname}:${process.env.PATH}` },
  stdio: 'ignore',
});
console.log(`first load (floor) ${firstLoadBytes(await measure(floorDist)).toLocaleString('en-US')} bytes brotli`);
await firstLoad('floor', floorDist, '/');

const { origin, close } = await serve(dist);

// A keystroke in a volume field to the updated total in the DOM, 200 edits, after `prepare`.
async function keystrokes(label, prepare, testid) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${origin}/#${FOUR_ACTIVITIES}`);
  await page.waitForSelector('[data-testid="input-call-centre-minutes"]');
  // Typing starts once the page is whole: the charts and the breakdown follow the first paint,
  // and a keystroke timed while they are drawn would time them.
  await page.waitForSelector('[data-testid="method"]');
  await prepare(page);
  await page.waitForTimeout(500);
  const edits = await page.evaluate(async (testid) => {
    const input = document.querySelector(`[data-testid="${testid}"]`);
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
      input.value = String(4000 + i * 13);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      times.push((await changed) - start);
      await new Promise((r) => setTimeout(r, 0));
    }
    return times;
  }, testid);
  console.log(`${label.padEnd(44)} median ${ms(median(edits))}  p95 ${ms(quantile(edits, 0.95))}  max ${ms(Math.max(...edits))} (goal: p95 under 4 ms)`);
  return { page, context };
}

console.log('\n== loopback: a keystroke in a volume field to the updated total (200 edits)');
{
  const { page, context } = await keystrokes('four activities, the call centre\'s minutes', async () => {}, 'input-call-centre-minutes');
  const engine = await page.evaluate(() => window.wasmBindings.bench_engine(500));
  await context.close();
  // Issue 27's case: the call centre sized by Erlang C from its calls (its curves and the
  // service-level table redrawn by the deferred module), both comparisons on the page.
  const sized = await keystrokes('four activities, agents sized, the invoices', async (page) => {
    await page.click('[data-testid="model-call-centre-dedicated"]');
    await page.click('[data-testid="sizing-call-centre"]');
    await page.waitForSelector('[data-testid="traffic-call-centre-calls"]');
    await page.waitForSelector('[data-testid="compare-sites"]');
    await page.waitForSelector('[data-testid="compare-terms"]');
  }, 'input-accounting-invoices');
  await sized.context.close();
  console.log('\n== the engine alone: one four-activity estimate in USD');
  console.log(`browser (wasm)  ${ms(engine)} per estimate, mean of 500`);
}
close();

const native = execFileSync('cargo', ['bench', '--bench', 'estimate', '--', '--warm-up-time', '1', '--measurement-time', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const line = native.split('\n').find((l) => l.includes('time:'));
console.log(`native          ${line ? line.trim() : native.trim()}`);

// A prospect's phone, as Lighthouse's mobile profile has it (project issue 16). Each page and its
// static twin are loaded in turn, so a change in the machine's load falls on both alike.
console.log('\n== phone: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower, brotli (5 loads each, medians)');
const LOADS = 5;
async function onPhone(dist, pages) {
  const twins = new Map();
  const { origin, close } = await serve(dist, (p) => twins.get(p), { brotli: true });
  const results = [];
  for (const { label, path, shown } of pages) {
    const twinPath = `/static-${label}.html`;
    twins.set(twinPath, await twinOf(`${origin}${path}`, shown));
    // One load of each first, not counted: the server has compressed the twin and the browser
    // has warmed up before any figure is kept.
    await load(`${origin}${path}`, shown, true);
    await load(`${origin}${twinPath}`, shown, true);
    const app = [];
    const twin = [];
    for (let i = 0; i < LOADS; i += 1) {
      app.push(await load(`${origin}${path}`, shown, true));
      twin.push(await load(`${origin}${twinPath}`, shown, true));
    }
    results.push({ label, app, twin });
  }
  close();
  return results;
}
const phone = [
  ...await onPhone(dist, [
    { label: 'landing', path: '/', shown: LANDING_SHOWN },
    { label: 'link', path: `/#${FOUR_ACTIVITIES}`, shown: FIGURE_SHOWN },
  ]),
  ...await onPhone(floorDist, [{ label: 'floor', path: '/', shown: FIGURE_SHOWN }]),
];
const of = (xs, k) => median(xs.map((x) => x[k]).filter((x) => x !== undefined));
const row = (label, xs) => console.log(`${label.padEnd(16)} in the DOM ${ms(of(xs, 'shown')).padStart(11)}  (${xs.map((x) => x.shown.toFixed(0)).join(', ')})  painted ${ms(of(xs, 'painted')).padStart(11)}  first paint ${ms(of(xs, 'fcp')).padStart(11)}`);
for (const { label, app, twin } of phone) {
  row(label, app);
  row(`${label} static`, twin);
}
// Ratios of medians, by the figure in the DOM and by the first contentful paint. A static page's
// figure is in the DOM before its stylesheet arrives, and painted a round trip later: the first
// ratio is the stricter one.
const medians = (k) => Object.fromEntries(phone.flatMap(({ label, app, twin }) => [[label, of(app, k)], [`${label} static`, of(twin, k)]]));
const shown = medians('shown');
const fcp = medians('fcp');
const painted = medians('painted');
const ratio = (label, a, b, goal) => console.log(`${label.padEnd(26)} ${(shown[a] / shown[b]).toFixed(2)} in the DOM, ${(painted[a] / painted[b]).toFixed(2)} painted, ${(fcp[a] / fcp[b]).toFixed(2)} by first paint${goal ? ` (goal: ${goal} or less)` : ''}`);
ratio('landing / its static twin', 'landing', 'landing static', 1.2);
ratio('link / floor', 'link', 'floor', 1.6);
ratio('link / its static twin', 'link', 'link static');

await browser.close();
