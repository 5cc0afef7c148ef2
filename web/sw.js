// sw.js - Papertide's service worker: the site works offline after one visit, one version at a time.
// This is the template; the web build (scripts/ship-web.py, from cmake/PapertideShip.cmake) writes
// build/web/sw.js with PRECACHE filled in: every file of the site (but sw.js and the single-file
// papertide.html) with its SHA-256, and a version hashed from all of them.
//   install   downloads every asset (revalidating the HTTP cache), checks each against its SHA-256 and
//             stores them in the cache "papertide-<version>". Any mismatch (a half-finished deployment)
//             fails the install: the browser retries on a later visit, the old version keeps serving.
//   waiting   a new version waits until the page asks for it (the "Reload" notice posts
//             {type: 'papertide-activate'}) or until no page of the old version is open.
//   activate  deletes the caches of other versions and takes control of open pages.
//   fetch     GET requests for the site's files (and navigations to the site root) are answered from this
//             version's cache only; everything else goes to the network untouched.
'use strict';

const PRECACHE = { version: 'dev', assets: [] }; // @PAPERTIDE_PRECACHE@ (replaced at build time)

const CACHE_PREFIX = 'papertide-';
const CACHE = CACHE_PREFIX + PRECACHE.version;
const SCOPE = self.registration.scope;  // e.g. https://example.github.io/papertide/
const assetUrl = (name) => new URL(name, SCOPE).href;
const ASSETS = new Set(PRECACHE.assets.map((asset) => assetUrl(asset.url)));
const INDEX = assetUrl('index.html');

function toHex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(PRECACHE.assets.map(async (asset) => {
    const url = assetUrl(asset.url);
    const response = await fetch(new Request(url, { cache: 'no-cache', credentials: 'same-origin' }));
    if (!response.ok) throw new Error(`${asset.url}: HTTP ${response.status}`);
    const body = await response.arrayBuffer();
    const digest = toHex(await crypto.subtle.digest('SHA-256', body));
    if (digest !== asset.sha256) {
      throw new Error(`${asset.url} is not the file of version ${PRECACHE.version} (deployment in progress?)`);
    }
    // A fresh Response: never "redirected", so it may answer navigations too.
    await cache.put(url, new Response(body, { status: 200, statusText: 'OK', headers: response.headers }));
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().catch(async (error) => {
    await caches.delete(CACHE);  // no half-filled cache of this version stays behind
    throw error;
  }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'papertide-activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  let key = url.origin + url.pathname;  // query and fragment ignored
  if (key === SCOPE) key = INDEX;
  if (!ASSETS.has(key)) return;  // not one of ours: the network, as without a service worker
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    return hit || fetch(request);
  })());
});
