// What the first load transfers: every file of the release build (dist/), raw, gzip and brotli
// (best levels), and the totals. Usage: node .ci/size.mjs [dist]
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const files = (await readdir(dist, { withFileTypes: true })).filter((f) => f.isFile()).map((f) => f.name).sort();
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const total = { raw: 0, gzip: 0, brotli: 0 };
console.log(`${'file'.padEnd(44)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
for (const name of files) {
  const body = await readFile(join(dist, name));
  const sizes = {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
  for (const k of Object.keys(total)) total[k] += sizes[k];
  console.log(`${name.padEnd(44)} ${kb(sizes.raw)} ${kb(sizes.gzip)} ${kb(sizes.brotli)}`);
}
console.log(`${'total'.padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
