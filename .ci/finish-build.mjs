// Trunk's post-build step for release builds (Trunk.toml [[hooks]]): minifies wasm-bindgen's
// JavaScript, seals the page with a strict Content-Security-Policy, and writes the release's files
// into the service worker.
//  - Minifying: Trunk's minifier cannot parse wasm-bindgen's output, so terser (npm, installed by
//    .ci/tools) does it here, and the file's integrity in index.html is recomputed.
//  - CSP: scripts only from this origin, WebAssembly compilation, and Trunk's inline loader by
//    its SHA-256; no plugins; no <base> elsewhere; styles only from this origin.
//  - Service worker: a cache named after a hash of the build, listing every file it must hold.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('run by Trunk as a post_build hook');
const release = process.env.TRUNK_PROFILE === 'release';

const indexPath = join(stage, 'index.html');
let index = await readFile(indexPath, 'utf8');

// The deferred module (index.html builds it as a "worker", so Trunk neither loads nor preloads
// it, and names it after its binary): its files get content-hashed names like the others', it
// starts itself once loaded, and the page learns its name from a <meta> it reads after the first
// paint (src/ui/browser.rs, load_deferred).
const deferred = 'more';
{
  const script = join(stage, `${deferred}.js`);
  const wasm = join(stage, `${deferred}_bg.wasm`);
  const hash = createHash('sha256').update(await readFile(wasm)).digest('hex').slice(0, 16);
  const base = `${deferred}-${hash}`;
  let code = await readFile(script, 'utf8');
  const init = code.match(/export\s*\{[^}]*?\b([\w$]+)\s+as\s+default\b[^}]*\}/);
  if (!init) throw new Error(`${deferred}.js has no default export to start it with`);
  const renamed = code.replace(`${deferred}_bg.wasm`, `${base}_bg.wasm`);
  if (renamed === code) throw new Error(`${deferred}.js does not name ${deferred}_bg.wasm`);
  code = `${renamed}\n${init[1]}();\n`;
  await writeFile(join(stage, `${base}.js`), code);
  await rename(wasm, join(stage, `${base}_bg.wasm`));
  await rm(script);
  const meta = `<meta name="biaya-deferred" content="./${base}.js">`;
  const marked = index.replace(/<meta charset[^>]*>/i, (m) => `${m}${meta}`);
  if (marked === index) throw new Error('index.html has no <meta charset> to name the deferred module after');
  index = marked;
}

if (release) {
  const require = createRequire(new URL('../.tools/node_modules/', import.meta.url));
  const { minify } = require('terser');
  const scripts = (await readdir(stage)).filter((name) => name.endsWith('.js') && name !== 'sw.js');
  for (const name of scripts) {
    const path = join(stage, name);
    const { code } = await minify(await readFile(path, 'utf8'), { module: true, compress: { passes: 2 } });
    await writeFile(path, code);
    // The deferred module is loaded by the page, not named by a tag of index.html.
    if (name.startsWith(`${deferred}-`)) continue;
    const integrity = `sha384-${createHash('sha384').update(code, 'utf8').digest('base64')}`;
    // The <link rel=modulepreload> that names the file carries its hash; the browser refuses
    // a file that does not match it.
    const sealed = index.replace(/<link\b[^>]*>/g, (tag) =>
      tag.includes(name) ? tag.replace(/integrity=("[^"]*"|'[^']*'|[^\s>]+)/, `integrity="${integrity}"`) : tag);
    if (sealed === index) throw new Error(`index.html has no integrity for ${name} to update`);
    index = sealed;
  }
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

const names = (await readdir(stage, { withFileTypes: true }))
  .filter((f) => f.isFile() && f.name !== 'sw.js' && f.name !== 'csp.txt')
  .map((f) => f.name)
  .sort();
const digest = createHash('sha256');
for (const name of names) digest.update(name).update(await readFile(join(stage, name)));
const files = ['./', ...names.map((n) => `./${n}`)];
const sw = (await readFile(join(stage, 'sw.js'), 'utf8'))
  .replace('__RELEASE__', digest.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(files));
await writeFile(join(stage, 'sw.js'), sw);
