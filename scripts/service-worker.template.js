// The player's service worker, written into the build by scripts/service-worker.mjs from this template. It
// keeps the app, the stories and their pictures, so a lesson survives the school Wi-Fi dropping. Only a teacher's
// screens register it (src/ui/offline.rs).
//
// Files with a content hash in their name never change, so they come from the cache. Everything else (the page,
// the stories, the pictures) comes from the network when it answers and from the cache when it does not, so a
// new deployment is seen at once and a story is never stale while online. VERSION is a hash of every built
// file: any change makes a new service worker, which fills a new cache and deletes the old ones.
// Nothing about the reader is kept here; "Exit this page" asks this worker to delete its caches and go.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `safety-stories-${VERSION}`;
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data !== 'forget') return;
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.map((name) => caches.delete(name))))
      .then(() => self.registration.unregister()),
  );
});

async function fetchAndKeep(request) {
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function fromCache(request) {
  const hit = await caches.match(request, { ignoreSearch: request.mode === 'navigate' });
  if (hit) return hit;
  if (request.mode === 'navigate') return (await caches.match('./')) ?? Response.error();
  return Response.error();
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetchAndKeep(request)));
  } else {
    event.respondWith(fetchAndKeep(request).catch(() => fromCache(request)));
  }
});
