// Offline after the first visit. The post-build step (.ci/finish-build.mjs) writes the release
// name and the build's files in; a new release is a new cache, and the old one is deleted.
const RELEASE = 'biaya-bpo-__RELEASE__';
const FILES = __FILES__;
// The sales console's files: cached when the console first loads them, not on every prospect's
// first visit.
const LATER = __LATER__;
const later = (url) => LATER.some((file) => new URL(file, self.location.href).pathname === new URL(url).pathname);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(RELEASE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('biaya-bpo-') && n !== RELEASE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

// The provider's roster of certified sales staff changes without a release: read from the
// network first, so that a withdrawal takes effect as soon as the file is replaced, and kept (in a
// cache no release deletes) for reading offline.
const ROSTER = 'biaya-staff';
const roster = (url) => new URL('staff.txt', self.location.href).pathname === new URL(url).pathname;

// Same-origin reads come from the release's cache first; the fragment never reaches here. Offline,
// a page not in the cache is the prospect's page.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (roster(request.url)) {
    event.respondWith(caches.open(ROSTER).then(async (cache) => {
      try {
        const response = await fetch(request, { cache: 'no-cache' });
        if (response.ok) await cache.put(request, response.clone());
        else if (response.status === 404) await cache.delete(request);
        return response;
      } catch (error) {
        return (await cache.match(request)) || Response.error();
      }
    }));
    return;
  }
  event.respondWith(caches.open(RELEASE).then(async (cache) => {
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    try {
      const response = await fetch(request);
      if (response.ok && later(request.url)) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      const page = request.mode === 'navigate' ? await cache.match('./') : undefined;
      if (page) return page;
      throw error;
    }
  }));
});
