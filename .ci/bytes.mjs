// Where a page module's bytes go (issue 27): the module built as the release builds it but with
// its function names (wasm-opt -g), each function's code bytes summed by the crate its name gives,
// and the functions whose names match the given patterns. Asserts nothing; its figures are in
// docs/performance.md. Usage, with `.ci/tools` sourced:
//   node .ci/bytes.mjs [more|biaya-bpo] [pattern …]      e.g. node .ci/bytes.mjs more csv Chart
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const bin = process.argv[2] ?? 'more';
const patterns = process.argv.slice(3).map((text) => new RegExp(text));
const features = { more: 'ui,notes', 'biaya-bpo': 'ui' }[bin];
if (!features) throw new Error(`no page module ${bin}: more or biaya-bpo`);
const out = `target/bytes-${bin}`;
execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '--bin', bin,
  '--no-default-features', '--features', features], { stdio: 'inherit' });
execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', out, `target/wasm32-unknown-unknown/release/${bin}.wasm`]);
execFileSync('wasm-opt', ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '-Oz', '-g',
  '--low-memory-unused', `${out}/${bin}_bg.wasm`, '-o', `${out}/named.wasm`]);

// The module's sections, read as the WebAssembly binary format lays them out.
const bytes = readFileSync(`${out}/named.wasm`);
let at = 8;
const leb = () => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
};
const skipName = () => {
  const length = leb();
  at += length;
};
const sections = [];
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  sections.push({ id, start: at, size });
  at += size;
}
// Imported functions come first in the numbering the names use.
let imported = 0;
for (const section of sections.filter((s) => s.id === 2)) {
  at = section.start;
  for (let n = leb(); n > 0; n -= 1) {
    skipName();
    skipName();
    const kind = bytes[at++];
    if (kind === 0) { leb(); imported += 1; }
    else if (kind === 1) { at += 1; if (bytes[at++] & 1) leb(); leb(); }
    else if (kind === 2) { if (bytes[at++] & 1) leb(); leb(); }
    else if (kind === 3) at += 2;
    else throw new Error(`import of unknown kind ${kind}`);
  }
}
const sizes = [];
for (const section of sections.filter((s) => s.id === 10)) {
  at = section.start;
  for (let n = leb(); n > 0; n -= 1) {
    const size = leb();
    sizes.push(size);
    at += size;
  }
}
const data = sections.filter((s) => s.id === 11).reduce((sum, s) => sum + s.size, 0);
const names = new Map();
for (const section of sections.filter((s) => s.id === 0)) {
  at = section.start;
  const length = leb();
  const title = bytes.subarray(at, at + length).toString();
  at += length;
  if (title !== 'name') continue;
  while (at < section.start + section.size) {
    const kind = bytes[at++];
    const size = leb();
    const end = at + size;
    if (kind === 1) {
      for (let n = leb(); n > 0; n -= 1) {
        const index = leb();
        const size = leb();
        names.set(index, bytes.subarray(at, at + size).toString());
        at += size;
      }
    }
    at = end;
  }
}

// The crate a (legacy-mangled) name belongs to: its first path segment, or for `<T as Trait>::f`
// the type's crate, where a generic function compiled for our type is counted as ours.
function crate(name = '') {
  const mangled = name.match(/^_ZN(\d+)(.*)/);
  if (mangled) {
    const first = mangled[2].slice(0, Number(mangled[1]));
    return first.startsWith('_$LT$') ? first.slice(5).split(/\.\.|\$/)[0] : first;
  }
  return name.match(/^<?([A-Za-z_][\w]*)/)?.[1].replace(/\[.*$/, '') ?? '?';
}
const total = sizes.reduce((sum, size) => sum + size, 0);
const byCrate = new Map();
sizes.forEach((size, n) => {
  const owner = crate(names.get(n + imported));
  byCrate.set(owner, (byCrate.get(owner) ?? 0) + size);
});
console.log(`${bin}: ${total.toLocaleString('en')} bytes of code in ${sizes.length} functions, `
  + `${data.toLocaleString('en')} bytes of data, ${bytes.length.toLocaleString('en')} in all (with names)`);
for (const [owner, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${size.toLocaleString('en').padStart(9)} ${(100 * size / total).toFixed(1).padStart(5)} %  ${owner}`);
}
for (const pattern of patterns) {
  let sum = 0;
  let count = 0;
  sizes.forEach((size, n) => {
    if (pattern.test(names.get(n + imported) ?? '')) { sum += size; count += 1; }
  });
  console.log(`functions named ${pattern}: ${sum.toLocaleString('en')} bytes in ${count}`);
}
// BYTES_LIST=<file> writes every function's size and name, one a line, to compare two builds.
if (process.env.BYTES_LIST) {
  const lines = sizes.map((size, n) => `${size}\t${names.get(n + imported) ?? '?'}`);
  writeFileSync(process.env.BYTES_LIST, `${lines.join('\n')}\n`);
}
