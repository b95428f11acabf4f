// The browser's side of a keystroke (issue 27): Chromium's own timeline of 30 keystrokes in the
// release build, the CPU slowed 4x as on a prospect's phone, four activities with the call
// centre's agents sized by Erlang C and both comparisons on the page. Prints, per keystroke
// (medians and p95), the page's input handler, then the browser's style recalculation, layout and
// paint, the timers that follow (the address bar, the draft) and the later tasks in all;
// `.ci/profile.mjs` splits the script's part by function.
// Asserts nothing; its figures are in docs/performance.md. Usage, after `trunk build --release`:
//   node .ci/trace.mjs [dist]
import { launch, openSized, serve } from './browser.mjs';

const dist = process.argv[2] ?? 'dist';
const KEYS = 30;
// Between keystrokes: as a quick typist leaves, long enough for what follows each to finish.
const GAP_MS = 250;

const { origin, close } = await serve(dist);
const browser = await launch();
const { context, page } = await openSized(browser, origin);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await page.evaluate(async ({ keys, gap }) => {
  const input = document.querySelector('[data-testid="input-accounting-invoices"]');
  for (let i = 0; i < keys; i += 1) {
    input.value = String(4000 + i * 13);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, gap));
  }
}, { keys: KEYS, gap: GAP_MS });
const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
await browser.close();
close();

// The renderer's main thread: where the input events were dispatched.
const events = trace.traceEvents ?? trace;
const inputs = events.filter((e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === 'input');
if (inputs.length === 0) throw new Error('the trace holds no input event');
const { pid, tid } = inputs[0];
const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts);
const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
const within = (outer, e) => e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur;
const sum = (list) => list.reduce((s, e) => s + e.dur, 0) / 1000;

const rows = [];
for (const input of inputs.filter((e) => e.pid === pid && e.tid === tid)) {
  const task = tasks.find((t) => within(t, input));
  if (!task) continue;
  // What follows, until the next keystroke: the frame (style, layout, paint) and later tasks.
  const end = task.ts + GAP_MS * 1000 * 0.9;
  const later = main.filter((e) => e.ts > task.ts + task.dur && e.ts < end);
  const laterTasks = later.filter((e) => tasks.includes(e));
  const of = (names) => later.filter((e) => names.includes(e.name));
  rows.push({
    handler: input.dur / 1000,
    style: sum(of(['UpdateLayoutTree', 'RecalculateStyles'])),
    layout: sum(of(['Layout'])),
    paint: sum(of(['Paint', 'PrePaint', 'Layerize', 'Commit', 'UpdateLayer', 'CompositeLayers'])),
    timers: sum(of(['TimerFire'])),
    scripts: sum(laterTasks.filter((t) => later.some((e) => within(t, e) && (e.name === 'EventDispatch' || e.name === 'FunctionCall')))),
    later: sum(laterTasks),
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };
const parts = [
  ['the page\'s input handler (the event to the page\'s state)', 'handler'],
  ['style recalculation after it', 'style'],
  ['layout after it', 'layout'],
  ['paint, layers and commit after it', 'paint'],
  ['timers fired after it (the address bar, the draft)', 'timers'],
  ['later tasks running script', 'scripts'],
  ['later tasks, all', 'later'],
];
console.log(`${rows.length} keystrokes, CPU 4x slower, four activities, agents sized, both comparisons (ms)`);
console.log(`${'part'.padEnd(72)} median    p95`);
for (const [label, key] of parts) {
  const xs = rows.map((r) => r[key]);
  console.log(`${label.padEnd(72)} ${median(xs).toFixed(2).padStart(6)} ${p95(xs).toFixed(2).padStart(6)}`);
}

