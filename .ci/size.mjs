// What the prospect's first load transfers, and the gate that holds it to its budget.
// Usage, after `trunk build --release`:
//   node .ci/size.mjs [dist]            every file (raw, gzip, brotli), the first load; fails over budget
//   node .ci/size.mjs [dist] --record   also writes today's figures to .ci/first-load.json (commit it)
// The first load is index.html and what it makes the browser fetch before the first estimate: its
// <link rel=modulepreload|preload|stylesheet>, <script src>, what its inline scripts import or
// name as .wasm (Trunk's loader), and what those modules import statically, read from the files
// themselves so no name is hard-coded. Everything else (a module imported later, sw.js, the
// favicon, csp.txt, the sales console's console.html and its files) is listed as "later" and
// does not count; the console in the first load fails the gate. Each file is compressed on its own
// with brotli at quality 11, as a CDN serves it: the budget is in those bytes.
// The deferred module (more*.js, more*.wasm, more.css), which every prospect's page loads after
// its first paint, has a budget of its own, recorded beside the first load's.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const record = new URL('first-load.json', import.meta.url);

// Shared with browser.mjs, so the bench serves exactly the bytes the gate counts.
export function brotli(body) {
  return brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

// Any host will do: it only turns references into paths under the page's base.
const ORIGIN = 'http://dist.invalid';
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i'))?.slice(1).find((v) => v !== undefined);

// What index.html makes the browser fetch at once, as URLs resolved against the page.
function referencesOfPage(html, pageUrl) {
  const base = new URL(attr(html.match(/<base\b[^>]*>/i)?.[0] ?? '', 'href') ?? '', pageUrl);
  const urls = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (href && rel.some((r) => ['modulepreload', 'preload', 'stylesheet'].includes(r))) urls.push(new URL(href, base));
  }
  for (const [, open, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(open, 'src');
    if (src) { urls.push(new URL(src, base)); continue; }
    // An inline script runs while the page loads: what it imports, dynamically or not, and the
    // wasm it hands to init() are fetched at once.
    for (const spec of [...staticImports(body), ...dynamicImports(body), ...wasmNames(body)]) urls.push(new URL(spec, base));
  }
  return { base, urls };
}

// `import x from "./y.js"`, `import "./y.js"`, `export { x } from "./y.js"`; not `import("./y.js")`,
// which a module may run long after the first estimate.
const staticImports = (code) => [...code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
const dynamicImports = (code) => [...code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
const wasmNames = (code) => [...code.matchAll(/["']([^"'\s]+\.wasm)["']/g)].map((m) => m[1]);

// Every file of `dist` with its sizes, split into the first load and later.
export async function measure(dist) {
  const names = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((f) => f.isFile())
    .map((f) => relative(dist, join(f.parentPath ?? f.path, f.name)).split(sep).join('/'))
    .sort();
  const sizes = new Map();
  for (const name of names) {
    const body = await readFile(join(dist, name));
    sizes.set(name, { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotli(body).length });
  }

  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const { base, urls } = referencesOfPage(html, `${ORIGIN}/index.html`);
  // dist/ is served at the directory of the page's base.
  const root = new URL('./', base).pathname;
  const first = new Set(['index.html']);
  const missing = [];
  const toName = (url) => (url.origin === ORIGIN && url.pathname.startsWith(root)
    ? decodeURIComponent(url.pathname.slice(root.length)) : null);
  const queue = [...urls];
  while (queue.length > 0) {
    const url = queue.shift();
    const name = toName(url);
    if (name === null || !sizes.has(name)) { missing.push(url.href.replace(ORIGIN, '')); continue; }
    if (first.has(name)) continue;
    first.add(name);
    // A module's static imports are fetched before it runs.
    if (name.endsWith('.js')) {
      for (const spec of staticImports(await readFile(join(dist, name), 'utf8'))) {
        if (/^[./]/.test(spec)) queue.push(new URL(spec, url));
      }
    }
  }
  const all = [...sizes.values()];
  return { first: all.filter((f) => first.has(f.name)), later: all.filter((f) => !first.has(f.name)), missing };
}

const sum = (files, k) => files.reduce((n, f) => n + f[k], 0);
const bytes = (n) => n.toLocaleString('en-US');
const signed = (n) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${bytes(Math.abs(n))}`;

export function table(title, files) {
  const row = (name, raw, gzip, br) => `${name.padEnd(44)} ${raw.padStart(10)} ${gzip.padStart(10)} ${br.padStart(10)}`;
  return [
    row(title, 'raw', 'gzip', 'brotli'),
    ...files.map((f) => row(`  ${f.name}`, bytes(f.raw), bytes(f.gzip), bytes(f.brotli))),
    row(`  total`, bytes(sum(files, 'raw')), bytes(sum(files, 'gzip')), bytes(sum(files, 'brotli'))),
  ].join('\n');
}

export const firstLoadBytes = (measured) => sum(measured.first, 'brotli');
/** The deferred module's files: what a prospect's page loads after its first paint. */
export const deferredFiles = (measured) => measured.later.filter((f) => /^more[-_.]/.test(f.name) && /\.(js|wasm|css)$/.test(f.name));

// The report the gate prints, and whether it fails, against the figure recorded in .ci/first-load.json.
export async function report(dist) {
  const measured = await measure(dist);
  const total = firstLoadBytes(measured);
  const last = JSON.parse(await readFile(record, 'utf8').catch(() => 'null'));
  const budget = last?.budget ?? 150000;
  const change = last ? `, ${signed(total - last.bytes)} against ${bytes(last.bytes)} recorded ${last.date}` : ', nothing recorded yet';
  const deferred = sum(deferredFiles(measured), 'brotli');
  const deferredBudget = last?.deferred_budget ?? 195000;
  const deferredChange = last?.deferred ? `, ${signed(deferred - last.deferred)} against ${bytes(last.deferred)} recorded ${last.date}` : '';
  const lines = [
    table('first load (bytes)', measured.first),
    table('later (bytes)', measured.later),
    `first load: ${bytes(total)} bytes brotli, budget ${bytes(budget)}${change}`,
    `deferred module: ${bytes(deferred)} bytes brotli, budget ${bytes(deferredBudget)}${deferredChange}; a prospect's whole download ${bytes(total + deferred)}`,
  ];
  if (measured.missing.length > 0) lines.push(`FAIL: index.html loads what ${dist} does not hold: ${measured.missing.join(', ')}`);
  // The sales console (console.html and its files) is the sales staff's, never a prospect's.
  const sales = measured.first.filter((f) => /^console[.-]/.test(f.name)).map((f) => f.name);
  if (sales.length > 0) lines.push(`FAIL: the prospect's first load carries the sales console: ${sales.join(', ')}`);
  if (total > budget) lines.push(`FAIL: the first load is ${bytes(total)} bytes brotli, ${bytes(total - budget)} over its budget of ${bytes(budget)}`);
  if (deferred === 0) lines.push(`FAIL: ${dist} holds no deferred module (more*.js, more*.wasm)`);
  if (deferred > deferredBudget) lines.push(`FAIL: the deferred module is ${bytes(deferred)} bytes brotli, ${bytes(deferred - deferredBudget)} over its budget of ${bytes(deferredBudget)}`);
  const failed = measured.missing.length > 0 || sales.length > 0 || total > budget || deferred === 0 || deferred > deferredBudget;
  return { text: lines.join('\n'), failed, total, budget, deferred, deferredBudget };
}

async function main(args) {
  const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
  const { text, failed, total, budget, deferred, deferredBudget } = await report(dist);
  console.log(text);
  if (args.includes('--record')) {
    const date = new Date().toISOString().slice(0, 10);
    const figures = { budget, bytes: total, deferred_budget: deferredBudget, deferred, date };
    await writeFile(record, `${JSON.stringify(figures)}\n`);
    console.log(`recorded ${bytes(total)} and ${bytes(deferred)} bytes in ${fileURLToPath(record)}: commit it`);
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
