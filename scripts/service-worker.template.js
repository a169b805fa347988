// The player's service worker, written into the build by scripts/service-worker.mjs from this template. It
// keeps the app, the stories and their pictures, so a lesson survives the school Wi-Fi dropping. Only a teacher's
// screens register it (src/ui/browser/offline.rs).
//
// It answers only for the files it lists (FILES, from the build), and keeps each once, by its address without
// the query string: `about.html?x=1` is `about.html`, and a page it does not list is left to the network.
// Files with a content hash in their name never change, so they come from the cache. Everything else (the page,
// the stories, the pictures) comes from the network when it answers and from the cache when it does not, so a
// new deployment is seen at once and a story is never stale while online. VERSION is a hash of every built
// file: any change makes a new service worker, which fills a new cache and deletes the old ones.
// Nothing about the reader is kept here. "Exit this page" deletes the caches and unregisters the worker from the
// page itself (src/ui/browser/offline.rs), and also asks this worker to do the same.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `safety-stories-${VERSION}`;
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

// Set when the page says "forget" (Exit this page), perhaps while this worker is still installing: whatever the
// install was filling is then deleted when it ends, instead of staying behind.
let forgotten = false;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
      .finally(() => forgotten && caches.delete(CACHE))
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
  forgotten = true;
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.map((name) => caches.delete(name))))
      .then(() => self.registration.unregister()),
  );
});

// The files this worker keeps, as addresses without a query string. The player's page is kept as its folder
// (`./`), which `index.html` also means.
const LISTED = new Set(FILES.map((file) => new URL(file, self.registration.scope).href));
const INDEX = new URL('index.html', self.registration.scope).href;

/// The cache key for a request: its address without query string or fragment, if it is one of the listed files;
/// otherwise null, and the worker leaves the request alone. Deployed at a site's root, the scope is the whole site,
/// and the site's own pages must never be kept.
function listedKey(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const href = url.href === INDEX ? new URL('./', self.registration.scope).href : url.href;
  return LISTED.has(href) ? href : null;
}

async function fetchAndKeep(request, key) {
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(key, copy));
  }
  return response;
}

async function fromCache(key) {
  return (await caches.match(key)) ?? Response.error();
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const key = listedKey(request);
  if (!key) return;
  if (HASHED.test(new URL(key).pathname)) {
    event.respondWith(caches.match(key).then((hit) => hit ?? fetchAndKeep(request, key)));
  } else {
    event.respondWith(fetchAndKeep(request, key).catch(() => fromCache(key)));
  }
});
