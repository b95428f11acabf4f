// Where a keystroke's time goes, by function (issue 27): the release build's two page modules
// rebuilt with their function names kept (wasm-opt -g; the release strips them), swapped into a
// copy of dist/, then Chromium's sampling profiler over 40 keystrokes with the CPU slowed 4x, as
// on a prospect's phone: four activities, the call centre's agents sized by Erlang C, both
// comparisons on the page. Prints the time per keystroke by part (the estimate, the comparisons,
// the staffing, each module's rendering, the hand-over between the modules, the browser's own
// work). Asserts nothing; its figures are in docs/performance.md. Usage, after
// `trunk build --release` (with `.ci/tools` sourced):
//   node .ci/profile.mjs [dist]        (PROFILE_TOP=1: also the 30 functions with most self time)
import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openSized, serve } from './browser.mjs';

const dist = process.argv[2] ?? 'dist';
const copy = 'target/dist-profile';
const KEYS = 40;
const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

// The two modules as the release builds them, with their names.
await rm(copy, { recursive: true, force: true });
await cp(dist, copy, { recursive: true });
const files = await readdir(copy);
for (const [bin, wanted] of [['biaya-bpo', 'ui'], ['more', 'ui,notes']]) {
  execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '--bin', bin,
    '--no-default-features', '--features', wanted], { stdio: 'inherit' });
  const out = `target/profile-${bin}`;
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', out, `target/wasm32-unknown-unknown/release/${bin}.wasm`]);
  const stem = files.find((f) => f.startsWith(`${bin}-`) && f.endsWith('_bg.wasm')).replace(/_bg\.wasm$/, '');
  execFileSync('wasm-opt', [...features, '-Oz', '-g', '--low-memory-unused', `${out}/${bin}_bg.wasm`, '-o', join(copy, `${stem}_bg.wasm`)]);
  let glue = await readFile(`${out}/${bin}.js`, 'utf8');
  glue = glue.replace(`${bin}_bg.wasm`, `${stem}_bg.wasm`);
  // The deferred module starts itself, as .ci/finish-build.mjs makes it.
  if (bin === 'more') glue += '\n__wbg_init();\n';
  await writeFile(join(copy, `${stem}.js`), glue);
}
// The swapped files do not match the release's integrity hashes.
const index = join(copy, 'index.html');
await writeFile(index, (await readFile(index, 'utf8')).replace(/\s*integrity=("[^"]*"|'[^']*'|[^\s>]+)/g, ''));

const { origin, close } = await serve(copy);
const browser = await launch();
const { context, page } = await openSized(browser, origin);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.evaluate(async (keys) => {
  const input = document.querySelector('[data-testid="input-accounting-invoices"]');
  for (let i = 0; i < keys; i += 1) {
    input.value = String(4000 + i * 13);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // As a quick typist leaves between keys: what each keystroke sets off has time to finish.
    await new Promise((r) => setTimeout(r, 250));
  }
}, KEYS);
const { profile } = await cdp.send('Profiler.stop');
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
await browser.close();
close();

// Self time per sample, attributed to a part by the functions on its stack.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const parts = [
  ['the address bar and the draft (replaceState, localStorage)', /^replaceState$|^setItem$|__wbg_replaceState|__wbg_setItem/],
  ['layout forced by a chart measuring its width (clientWidth)', /clientWidth/],
  ['the comparisons (every site and term priced)', /estimate::compare|components::compare/],
  ['the charts (their curves priced point by point, drawn)', /components::charts|estimate::curve/],
  ['the staffing (Erlang C, the models compared)', /biaya_bpo::staffing|components::staffing|components::traffic/],
  ['the page\'s estimate (the engine, money, rust_decimal)', /biaya_bpo::estimate|biaya_bpo::money|rust_decimal/],
  ['the hand-over between the modules (postcard, the scene)', /postcard|serde|bridge/],
  ['the state and the link (reducer, inputs, encode)', /ui::state|biaya_bpo::link/],
  ['the components\' rendering and Yew\'s', /yew::|implicit_clone|biaya_bpo::ui|biaya_bpo::i18n/],
];
// The first part, in the order above, that any frame of the sample's stack names: the engine
// called by a comparison counts as the comparison's.
const partOf = (id) => {
  const stack = [];
  for (let at = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)?.callFrame.functionName ?? '');
  // The charts price their curves in a timer's callback (charts.rs), whose name is a closure's
  // once inlined: the only timer that prices.
  if (stack.some((name) => /into_fn_mut/.test(name)) && stack.some((name) => /biaya_bpo::estimate/.test(name))) return parts[3][0];
  for (const [label, pattern] of parts) if (stack.some((name) => pattern.test(name))) return label;
  const frame = byId.get(id).callFrame;
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(program)') return 'the browser (style, layout, paint, idle bookkeeping)';
  if (frame.functionName === '(idle)') return null;
  if (/\.wasm/.test(frame.url) || frame.url === '') return 'other WebAssembly (allocator, formatting, the standard library)';
  return 'JavaScript glue and the DOM calls it makes';
};
const time = new Map();
const samples = profile.samples;
for (let i = 0; i < samples.length; i += 1) {
  const part = partOf(samples[i]);
  if (!part) continue;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  time.set(part, (time.get(part) ?? 0) + dt);
}
const total = [...time.values()].reduce((a, b) => a + b, 0);
console.log(`${KEYS} keystrokes in the invoices, CPU 4x slower: busy ${(total / KEYS).toFixed(1)} ms a keystroke`);
for (const [part, ms] of [...time].sort((a, b) => b[1] - a[1])) {
  console.log(`${(ms / KEYS).toFixed(2).padStart(7)} ms  ${((100 * ms) / total).toFixed(0).padStart(3)} %  ${part}`);
}
if (process.env.PROFILE_TOP) {
  const self = new Map();
  for (let i = 0; i < samples.length; i += 1) {
    const name = byId.get(samples[i]).callFrame.functionName || '(anonymous)';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(ms / KEYS).toFixed(2).padStart(7)} ${name.slice(0, 150)}`);
}
