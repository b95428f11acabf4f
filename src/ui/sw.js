// Offline after the first visit. The post-build step (.ci/finish-build.mjs) writes the release
// name and the build's files in; a new release is a new cache, and the old one is deleted.
const RELEASE = 'biaya-bpo-__RELEASE__';
const FILES = __FILES__;

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

// Same-origin reads come from the release's cache first; the fragment never reaches here.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(RELEASE)
      .then((cache) => cache.match(request, { ignoreSearch: true })
        .then((hit) => hit || (request.mode === 'navigate' ? cache.match('./') : undefined)))
      .then((hit) => hit || fetch(request)),
  );
});
