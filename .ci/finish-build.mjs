// Trunk's post-build step for release builds (Trunk.toml [[hooks]]): minifies wasm-bindgen's
// JavaScript, seals the page with a strict Content-Security-Policy, and writes the release's files
// into the service worker.
//  - Minifying: Trunk's minifier cannot parse wasm-bindgen's output, so terser (npm, installed by
//    .ci/tools) does it here, and the file's integrity in index.html is recomputed.
//  - CSP: scripts only from this origin, WebAssembly compilation, and Trunk's inline loader by
//    its SHA-256; no plugins; no <base> elsewhere; styles only from this origin.
//  - Service worker: a cache named after a hash of the build, listing every file it must hold.
//  - Provider: its name and picture for link previews, its favicon, its colours in the style
//    sheets in place of the example's; all from the provider the build read (BIAYA_PROVIDER_DIR,
//    checked field by field by build.rs), as `prerender --provider` prints it.
//  - Prerender: the landing page rendered natively into the body (src/bin/prerender.rs).
//  - Sales console: console.html, the page of the console's module (built from index.html's third
//    rust link); in development builds too, so that `trunk serve` serves it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('run by Trunk as a post_build hook');
const release = process.env.TRUNK_PROFILE === 'release';

const indexPath = join(stage, 'index.html');
let index = await readFile(indexPath, 'utf8');

// Short names between each module's JavaScript and its WebAssembly. wasm-bindgen names every
// import after its function and a 16-digit hash ("__wbg_navigator_c17f443a6fe5d38d") and every
// export after the Rust item; the names are written twice, in the WebAssembly and in the
// JavaScript, and the hashes do not compress: about 2.4 KB brotli of the first load. Binaryen
// renames them ("a", "b", …) and says how; the JavaScript is rewritten to match, before it is
// minified, and the first module's preload gets its new integrity. Release builds only.
if (release) {
  const wasmOpt = (() => {
    const local = new URL('../.tools/node_modules/.bin/wasm-opt', import.meta.url);
    return existsSync(local) ? local.pathname : 'wasm-opt';
  })();
  const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
  for (const file of (await readdir(stage)).filter((n) => n.endsWith('_bg.wasm'))) {
    const wasm = join(stage, file);
    const script = join(stage, file.replace(/_bg\.wasm$/, '.js'));
    let code = await readFile(script, 'utf8');
    const renames = JSON.parse(execFileSync(wasmOpt, [...features, '--minify-imports-and-exports-and-modules', wasm, '-o', wasm], { encoding: 'utf8', maxBuffer: 1 << 24 }));
    const modules = importModules(await readFile(wasm));
    if (modules.size !== 1) throw new Error(`${file} imports from ${modules.size} modules after renaming, not one`);
    const [module] = modules;
    const key = /(["'])\.\/[\w-]+_bg\.js\1(\s*:)/g;
    if ((code.match(key) ?? []).length !== 1) throw new Error(`${file}: its JavaScript does not hand over exactly one import object`);
    code = code.replace(key, `${JSON.stringify(module)}$2`);
    for (const [, from, to] of renames.imports) {
      const property = new RegExp(`(?<![\\w$])${from}(?=\\s*:)`, 'g');
      if ((code.match(property) ?? []).length !== 1) throw new Error(`${file}: the import ${from} is not defined once in its JavaScript`);
      code = code.replace(property, JSON.stringify(to));
    }
    for (const [from, to] of renames.exports) code = code.replace(new RegExp(`\\bwasm\\.${from}(?![\\w$])`, 'g'), `wasm.${to}`);
    const renamed = new Set(renames.exports.map(([, to]) => to));
    const stale = [...code.matchAll(/\bwasm\.([\w$]+)/g)].map((m) => m[1]).filter((name) => !renamed.has(name));
    if (stale.length) throw new Error(`${file}: its JavaScript still calls ${stale.join(', ')}`);
    await writeFile(script, code);
    const integrity = `sha384-${createHash('sha384').update(await readFile(wasm)).digest('base64')}`;
    index = index.replace(/<link\b[^>]*>/g, (tag) =>
      tag.includes(file) ? tag.replace(/integrity=("[^"]*"|'[^']*'|[^\s>]+)/, `integrity="${integrity}"`) : tag);
  }
}

/** The module names a WebAssembly binary imports from (its import section, read by hand). */
function importModules(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return value;
  };
  const name = () => { const length = leb(); const text = bytes.subarray(at, at + length).toString('utf8'); at += length; return text; };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    if (id !== 2) { at += size; continue; }
    const modules = new Set();
    for (let count = leb(); count > 0; count--) {
      modules.add(name());
      name();
      const kind = bytes[at++];
      if (kind === 0) leb(); // a function: its type
      else if (kind === 1) { at++; const flags = leb(); leb(); if (flags & 1) leb(); } // a table
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); } // a memory
      else if (kind === 3) { at++; at++; } // a global: its type and mutability
      else if (kind === 4) { at++; leb(); } // a tag
      else throw new Error(`an import of unknown kind ${kind}`);
    }
    return modules;
  }
  return new Set();
}

// The deferred module and the sales console (index.html builds them as "workers", so Trunk neither
// loads nor preloads them, and names them after their binaries): their files get content-hashed
// names like the others', and each starts itself once loaded. The page learns the deferred
// module's name from a <meta> it reads after the first paint (src/ui/browser.rs, load_deferred),
// and its style sheet's (src/ui/more.css, copied by Trunk) the same way; the console's own page,
// console.html (written below), loads the console.
async function selfStarting(name) {
  const script = join(stage, `${name}.js`);
  const wasm = join(stage, `${name}_bg.wasm`);
  const hash = createHash('sha256').update(await readFile(wasm)).digest('hex').slice(0, 16);
  const base = `${name}-${hash}`;
  let code = await readFile(script, 'utf8');
  const init = code.match(/export\s*\{[^}]*?\b([\w$]+)\s+as\s+default\b[^}]*\}/);
  if (!init) throw new Error(`${name}.js has no default export to start it with`);
  const renamed = code.replace(`${name}_bg.wasm`, `${base}_bg.wasm`);
  if (renamed === code) throw new Error(`${name}.js does not name ${name}_bg.wasm`);
  code = `${renamed}\n${init[1]}();\n`;
  await writeFile(join(stage, `${base}.js`), code);
  await rename(wasm, join(stage, `${base}_bg.wasm`));
  await rm(script);
  return base;
}
// The style sheets Trunk copies as they are (the deferred module's and the console's) lose their
// comments and spacing, as Trunk's minifier takes them out of the first one: runs of blanks made
// one, and none beside { } ; , or > or after a property's colon, where a blank never changes a
// rule. A quoted text that holds one of these characters would change: the build fails instead.
function minified(name, css) {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const touched = (bare.match(/"[^"]*"|'[^']*'/g) ?? []).find((text) => /[\s{};,>]/.test(text));
  if (touched) throw new Error(`${name} quotes ${touched}, which minifying would change`);
  return bare.replace(/\s+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/([{;][-\w]+): /g, '$1:').replace(/;}/g, '}').trim();
}
const deferred = 'more';
let deferredSheet;
{
  const base = await selfStarting(deferred);
  // Its style sheet, loaded with it.
  const css = minified(`${deferred}.css`, await readFile(join(stage, `${deferred}.css`), 'utf8'));
  const sheet = `${deferred}-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  await writeFile(join(stage, sheet), css);
  await rm(join(stage, `${deferred}.css`));
  deferredSheet = sheet;
  const meta = `<meta name="biaya-deferred" content="./${base}.js"><meta name="biaya-deferred-css" content="./${sheet}">`;
  const marked = index.replace(/<meta charset[^>]*>/i, (m) => `${m}${meta}`);
  if (marked === index) throw new Error('index.html has no <meta charset> to name the deferred module after');
  index = marked;
}
const sales = 'console';
const salesBase = await selfStarting(sales);

const nodeModules = createRequire(new URL('../.tools/node_modules/', import.meta.url));
// The release's helpers, which .ci/tools installs into this checkout's .tools/.
const require = (name) => {
  try {
    return nodeModules(name);
  } catch {
    throw new Error(`${name} is not installed in this checkout: run \`source .ci/tools\` first, then build again (README, "Deploying")`);
  }
};

// The provider the build read, as the Rust side checked it: no TOML parser here.
const provider = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'prerender', '--', '--provider'], { encoding: 'utf8', maxBuffer: 1 << 24 }));
const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const hashed = (body) => createHash('sha256').update(body).digest('hex').slice(0, 16);
// Its name in the title, Open Graph and Twitter card tags so that a link pasted in a chat
// previews with the provider's name and picture, that picture (1200 × 630, drawn by Chromium from
// the logo and the name), its favicon, and its colours in the style sheets.
{
  // In Indonesian, as the page opens; the page's module writes it in the visitor's language
  // (src/ui/browser.rs show_lang, i18n::page_title: "Outsourcing costs · …" in English).
  const title = `Biaya outsourcing · ${provider.name}`;
  const description = `${provider.tagline.id}. Hitung estimasi biaya alih daya proses bisnis Anda di peramban, lalu tanyakan kepada tim penjualan.`;
  const image = new URL('og.png', provider.page_url).href;
  const tags = [
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="${escape(provider.name)}">`,
    `<meta property="og:title" content="${escape(title)}">`,
    `<meta property="og:description" content="${escape(description)}">`,
    `<meta property="og:url" content="${escape(provider.page_url)}">`,
    `<meta property="og:locale" content="id_ID">`,
    `<meta property="og:locale:alternate" content="en_US">`,
    `<meta property="og:image" content="${escape(image)}">`,
    `<meta property="og:image:width" content="1200">`,
    `<meta property="og:image:height" content="630">`,
    `<meta property="og:image:alt" content="${escape(`${provider.name}: ${provider.tagline.id}`)}">`,
    // X reads the title, description and picture from the Open Graph tags above.
    `<meta name="twitter:card" content="summary_large_image">`,
  ].join('');
  const titled = index
    .replace(/<title>[^<]*<\/title>/i, `<title>${escape(title)}</title>`)
    .replace(/<meta[^>]*name=["']?description["']?[^>]*>/i, `<meta name="description" content="${escape(description)}">`);
  if (titled === index) throw new Error('index.html has no <title> to name the provider in');
  index = titled.replace(/<meta charset[^>]*>/i, (m) => `${m}${tags}`);

  // The favicon: the provider's own file, content-hashed like the rest (loaded after the page).
  const icon = `favicon-${hashed(provider.favicon)}.svg`;
  await writeFile(join(stage, icon), provider.favicon);
  index = index.replace(/<\/title>/i, (m) => `${m}<link rel="icon" href="./${icon}">`);

  // The style sheets are written with the example's colours: each becomes the provider's.
  const colour = provider.brand_colour;
  const sheets = (await readdir(stage)).filter((name) => name.endsWith('.css'));
  let found = 0;
  for (const name of sheets) {
    const css = await readFile(join(stage, name), 'utf8');
    let branded = css;
    for (const [from, to] of provider.colours) {
      const pattern = new RegExp(from, 'gi');
      found += (css.match(pattern) ?? []).length;
      branded = branded.replace(pattern, to);
    }
    if (branded === css) continue;
    // A new colour is new content: a new name, so no browser keeps the old sheet for a year.
    const renamed = name.replace(/-[0-9a-f]+\.css$/, `-${hashed(branded)}.css`);
    await writeFile(join(stage, renamed), branded);
    if (renamed !== name) await rm(join(stage, name));
    const integrity = `sha384-${createHash('sha384').update(branded, 'utf8').digest('base64')}`;
    // The first module's sheet is linked with its integrity; the deferred one's named in a <meta>.
    index = index.replace(/<link\b[^>]*>/g, (tag) => (tag.includes(name)
      ? tag.replace(name, renamed).replace(/integrity=("[^"]*"|'[^']*'|[^\s>]+)/, `integrity="${integrity}"`)
      : tag)).split(`./${name}"`).join(`./${renamed}"`);
    if (name === deferredSheet) deferredSheet = renamed;
  }
  if (found === 0) throw new Error("the style sheets hold none of the example's colours to put the provider's in place of");

  if (release) {
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
    const logo = provider.logo;
    await page.setContent(`<!doctype html><html><body style="margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:center;gap:36px;padding:0 96px;box-sizing:border-box;background:${colour};color:#fff;font-family:system-ui,'DejaVu Sans',sans-serif">
      <div style="display:flex;align-items:center;gap:32px"><div style="width:128px;height:128px;background:#fff;border-radius:24px;padding:12px;box-sizing:border-box">${logo}</div>
      <div style="font-size:64px;font-weight:700">${escape(provider.name)}</div></div>
      <div style="font-size:52px;font-weight:700;line-height:1.15">Berapa biaya outsourcing proses bisnis Anda?</div>
      <div style="font-size:32px;opacity:.9">${escape(provider.tagline.id)}</div></body></html>`);
    await page.screenshot({ path: join(stage, 'og.png') });
    await browser.close();
  }
}

// The landing page, as a visitor with no link and no draft first sees it, rendered by the page's
// own components natively (src/bin/prerender.rs, Yew's server-side rendering) into the body, so
// that it shows before the WebAssembly arrives, and to crawlers and link previews. Mounting the
// page empties the body: no hydration, the calculator simply takes its place.
{
  const today = new Date().toISOString().slice(0, 10);
  const html = execFileSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'prerender', '--', today], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim();
  // First in the body: a development build has Trunk's reload script there too.
  const filled = index.replace(/<body>/i, `<body>${html}`);
  if (filled === index) throw new Error('index.html has no <body> to prerender the page in');
  index = filled;
}

if (release) {
  const { minify } = require('terser');
  const scripts = (await readdir(stage)).filter((name) => name.endsWith('.js') && name !== 'sw.js');
  for (const name of scripts) {
    const path = join(stage, name);
    const { code } = await minify(await readFile(path, 'utf8'), { module: true, compress: { passes: 2 } });
    await writeFile(path, code);
    // The deferred module is loaded by the page, the console by console.html: no tag of
    // index.html names them.
    if (name.startsWith(`${deferred}-`) || name.startsWith(`${sales}-`)) continue;
    const integrity = `sha384-${createHash('sha384').update(code, 'utf8').digest('base64')}`;
    // The <link rel=modulepreload> that names the file carries its hash; the browser refuses
    // a file that does not match it.
    const sealed = index.replace(/<link\b[^>]*>/g, (tag) =>
      tag.includes(name) ? tag.replace(/integrity=("[^"]*"|'[^']*'|[^\s>]+)/, `integrity="${integrity}"`) : tag);
    if (sealed === index) throw new Error(`index.html has no integrity for ${name} to update`);
    index = sealed;
  }
}
// The sales console's page: the prospect's style sheet and icon, its own sheet and module, no inline
// script. Under the same policy as index.html (less the inline loader's hash it does not need),
// and kept out of search engines.
const salesPage = (policy) => {
  const sheet = index.match(/<link\b[^>]*\bstylesheet\b[^>]*>/i)?.[0];
  if (!sheet) throw new Error('index.html has no style sheet for console.html');
  const icon = index.match(/<link\b[^>]*\brel=["']?icon\b[^>]*>/i)?.[0] ?? '';
  const csp = policy ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : '';
  return `<!doctype html><html lang="id"><head><meta charset="utf-8">${csp}`
    + '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">'
    // The console mounts the deferred parts at once: their sheet too.
    + `<title>${escape(`Konsol penjualan · ${provider.name}`)}</title>${icon}${sheet}<link rel="stylesheet" href="./${deferredSheet}" data-deferred-css>${salesSheet}`
    + `<script type="module" src="./${salesBase}.js" integrity="${salesIntegrity}" crossorigin="anonymous"></script>`
    + '</head><body></body></html>\n';
};
const salesIntegrity = `sha384-${createHash('sha384').update(await readFile(join(stage, `${salesBase}.js`))).digest('base64')}`;
// The console's own style sheet (copied by Trunk as it is): minified, a content-hashed name, like the rest.
const salesSheet = await (async () => {
  const css = minified(`${sales}.css`, await readFile(join(stage, `${sales}.css`), 'utf8'));
  const name = `${sales}-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  await writeFile(join(stage, name), css);
  await rm(join(stage, `${sales}.css`));
  return `<link rel="stylesheet" href="./${name}" integrity="sha384-${createHash('sha384').update(css).digest('base64')}">`;
})();

// The page's module and WebAssembly requested before anything else in the head: Trunk puts their
// preloads after the inline script and the link-preview tags, which a phone's slowed CPU parses
// first (on the bench's phone profile the WebAssembly was requested 219-363 ms after navigation
// instead of 254-468). The <base> they resolve against goes with them. Not the style sheet: an inline script after a style sheet waits for it, and the
// prerendered landing with it.
{
  const early = [...index.matchAll(/<base\b[^>]*>|<link\b[^>]*\brel=["']?(?:modulepreload|preload)\b[^>]*>/gi)].map((m) => m[0]);
  if (!early.some((tag) => /\bas=["']?fetch\b/i.test(tag))) throw new Error('index.html preloads no WebAssembly to request first');
  for (const tag of early) index = index.replace(tag, '');
  const moved = index.replace(/<meta charset[^>]*>/i, (m) => `${m}${early.join('')}`);
  if (moved === index) throw new Error('index.html has no <meta charset> to put its first requests after');
  index = moved;
}

const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
const salesPolicy = policy.replace(/ 'sha256-[^']*'/g, '');
// A development build reloads itself over a websocket: only release builds are sealed.
await writeFile(indexPath, index);
if (release) {
  // After the charset, before any script: Trunk's minified page has no <head> tag to anchor on.
  const sealed = index.replace(/<meta charset[^>]*>/i, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  if (sealed === index) throw new Error('index.html has no <meta charset> to put the CSP after');
  index = sealed;
  await writeFile(indexPath, index);
}
await writeFile(join(stage, 'csp.txt'), `${policy}\n`);
await writeFile(join(stage, `${sales}.html`), salesPage(release ? salesPolicy : ''));

const names = (await readdir(stage, { withFileTypes: true }))
  .filter((f) => f.isFile() && f.name !== 'sw.js' && f.name !== 'csp.txt')
  .map((f) => f.name)
  .sort();
const digest = createHash('sha256');
for (const name of names) digest.update(name).update(await readFile(join(stage, name)));
// The console's files are cached when the console first loads them, not with every prospect's
// first visit: a prospect's phone never fetches the sales staff's bundle.
const later = (n) => n === `${sales}.html` || n.startsWith(`${sales}-`);
const files = ['./', ...names.filter((n) => !later(n)).map((n) => `./${n}`)];
const sw = (await readFile(join(stage, 'sw.js'), 'utf8'))
  .replace('__RELEASE__', digest.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(files))
  .replace('__LATER__', JSON.stringify(names.filter(later).map((n) => `./${n}`)));
await writeFile(join(stage, 'sw.js'), sw);
