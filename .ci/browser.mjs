// What the page checks and the benchmark share: dist/ served on loopback, and Debian's Chromium
// driven by playwright-core (installed by .ci/tools under .tools/), never a downloaded browser.
import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, relative, sep } from 'node:path';
import { brotli } from './size.mjs';

export const require = createRequire(new URL('../.tools/node_modules/', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};

// Serves `dist` at the root; `extra` maps a path to a page made in memory. With `{ brotli: true }`
// every response is brotli at quality 11 (`Content-Encoding: br`) to a browser that accepts it,
// as a CDN serves the release: the files are compressed once, here, so no request waits for it.
export async function serve(dist, extra = () => undefined, { brotli: compress = false } = {}) {
  const packed = new Map();
  if (compress) {
    for (const f of await readdir(dist, { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const file = join(f.parentPath ?? f.path, f.name);
      packed.set(relative(dist, file).split(sep).join('/'), brotli(await readFile(file)));
    }
  }
  // Pages made in memory are compressed on their first request, then kept.
  const made = new Map();
  const send = (req, res, type, body, br) => {
    const headers = { 'content-type': type };
    if (compress) {
      headers.vary = 'Accept-Encoding';
      if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        headers['content-encoding'] = 'br';
        body = br();
      }
    }
    res.writeHead(200, headers);
    res.end(body);
  };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const page = extra(path);
    if (page !== undefined) {
      send(req, res, types['.html'], page, () => {
        if (!made.has(page)) made.set(page, brotli(Buffer.from(page)));
        return made.get(page);
      });
      return;
    }
    const name = path.endsWith('/') ? `${path}index.html` : path;
    try {
      const body = await readFile(join(dist, name));
      send(req, res, types[extname(name)] ?? 'application/octet-stream', body, () => packed.get(name.replace(/^[/\\]+/, '').split(sep).join('/')) ?? brotli(body));
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export function launch() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
