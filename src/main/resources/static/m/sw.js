// The phone pages' service worker (scope /m/). Static files: cache first (a new VERSION replaces
// them). Pages: network first, the cached copy when offline (one shell serves every object's
// inspection page). API reads: network first, the last answer when offline. Writes are never
// cached here: the pages put them in the outbox, and the 'outbox' Background Sync sends them.
import {syncAll, pendingCount} from './js/outbox.js';

const VERSION = 'm-2026-12-07-2';
const STATIC_CACHE = 'anwang-m-static-' + VERSION;
const PAGE_CACHE = 'anwang-m-pages';
const API_CACHE = 'anwang-m-api';
const NETWORK_TIMEOUT_MS = 6000;

const STATIC_FILES = [
  '/m/m.css',
  '/m/manifest.json',
  '/m/icon.svg',
  '/m/js/app.js',
  '/m/js/outbox.js',
  '/m/js/today.js',
  '/m/js/map.js',
  '/m/js/inspect.js',
  '/m/js/report.js',
  '/m/js/publicity.js',
  '/m/js/cases.js',
  '/m/js/outbox-page.js',
  '/css/anwang.css',
  '/js/anwang.js',
  '/webjars/bootstrap/css/bootstrap.min.css',
  '/webjars/bootstrap/js/bootstrap.bundle.min.js',
  '/webjars/htmx.org/dist/htmx.min.js',
  '/webjars/leaflet/dist/leaflet.css',
  '/webjars/leaflet/dist/leaflet.js'
];

const PAGES = ['/m/', '/m/map', '/m/inspect/_', '/m/report', '/m/publicity', '/m/cases', '/m/outbox'];

/** The cache key of a page: one per page, one shell for all inspection pages. */
function pageKey(url) {
  const path = url.pathname;
  if (path === '/m' || path === '/m/') { return '/m/'; }
  if (path.startsWith('/m/inspect/')) { return '/m/inspect/_'; }
  return path;
}

async function cachePage(key, response) {
  // a redirect to the log-in page is not the page
  if (response.ok && !response.redirected && (response.headers.get('Content-Type') || '').includes('text/html')) {
    const cache = await caches.open(PAGE_CACHE);
    await cache.put(key, response.clone());
  }
  return response;
}

self.addEventListener('install', function (event) {
  event.waitUntil((async function () {
    const statics = await caches.open(STATIC_CACHE);
    await statics.addAll(STATIC_FILES);
    await Promise.all(PAGES.map(async function (page) {
      try {
        const res = await fetch(page, {credentials: 'same-origin'});
        await cachePage(page, res);
      } catch (e) { /* cached on the next visit */ }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', function (event) {
  event.waitUntil((async function () {
    const names = await caches.keys();
    await Promise.all(names
      .filter((n) => n.startsWith('anwang-m-static-') && n !== STATIC_CACHE)
      .map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

function withTimeout(promise) {
  return new Promise(function (resolve, reject) {
    const timer = setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS);
    promise.then(function (r) { clearTimeout(timer); resolve(r); },
      function (e) { clearTimeout(timer); reject(e); });
  });
}

async function page(request) {
  const key = pageKey(new URL(request.url));
  try {
    const res = await withTimeout(fetch(request));
    return await cachePage(key, res);
  } catch (e) {
    const cached = await caches.match(key, {cacheName: PAGE_CACHE});
    return cached || Response.error();
  }
}

async function staticFile(request) {
  const cached = await caches.match(request, {cacheName: STATIC_CACHE, ignoreSearch: true});
  if (cached) { return cached; }
  const res = await fetch(request);
  if (res.ok) {
    const cache = await caches.open(STATIC_CACHE);
    await cache.put(request, res.clone());
  }
  return res;
}

async function apiRead(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const res = await withTimeout(fetch(request));
    if (res.ok && (res.headers.get('Content-Type') || '').includes('json')) {
      await cache.put(request, res.clone());
    }
    return res;
  } catch (e) {
    const cached = (await cache.match(request)) || (await cache.match(request, {ignoreSearch: true}));
    if (cached) { return cached; }
    return new Response(JSON.stringify({title: 'offline', status: 503, offline: true}),
      {status: 503, headers: {'Content-Type': 'application/problem+json'}});
  }
}

self.addEventListener('fetch', function (event) {
  const request = event.request;
  if (request.method !== 'GET') { return; }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === 'navigate') {
    if (url.pathname === '/m' || url.pathname.startsWith('/m/')) {
      event.respondWith(page(request));
    }
    return;
  }
  if (url.pathname.startsWith('/api/v1/')) {
    const accept = request.headers.get('Accept') || '';
    if (accept.includes('json')) { event.respondWith(apiRead(request)); }
    return;
  }
  if (url.pathname.startsWith('/m/') || url.pathname.startsWith('/webjars/')
    || url.pathname.startsWith('/css/') || url.pathname.startsWith('/js/')) {
    event.respondWith(staticFile(request));
  }
});

self.addEventListener('sync', function (event) {
  if (event.tag === 'outbox') {
    // a rejected promise makes the browser try this sync again later, with its own backoff
    event.waitUntil(syncAll(false).then(pendingCount).then(function (n) {
      if (n > 0 && !self.navigator.onLine) { throw new Error('still offline'); }
    }));
  }
});

self.addEventListener('message', function (event) {
  if (event.data && event.data.type === 'sync') {
    event.waitUntil(syncAll(true));
  }
});
