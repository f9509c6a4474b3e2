// Kiosque's service worker: offline reading (docs/deploy.md, "Offline
// reading"). Registered by the app (src/browser.rs) from the bundle's base
// URL, so its scope is the site, including under a sub-path.
//
// Strategies, by request:
// - page loads (navigations): network first, 3 s. A page that answers is
//   kept under its own URL. Without the network: that same URL's page, else
//   the app shell when the route's data is cached (the app renders from the
//   cached JSON), else offline.html. A page is only ever answered for the URL
//   it was loaded from: a prerendered page never stands in for another route.
// - config.json: network first, the cached copy when offline (an edit by the
//   publisher is seen at once).
// - the app's JSON (requests with `Accept: application/json`, same-origin or
//   a CORS API): network first, cached; the 20 articles read last are kept,
//   plus 40 other documents (site, home, listings), and apart from them the
//   80 search index files read last (a query reads a few shards of
//   api/search/: the ones already read answer offline).
// - the files the shell loads, and any hashed file (name-<hex hash>.js/.wasm/
//   .css): cache first, the shell's precached at install, with only the
//   bundle flavor config.json names (the loader's rule, public/start.js).
// - same-origin images: network first, the 80 seen last kept.
// Anything else goes to the network untouched. "Network first" answers from
// the cache when the network fails, or after 3 s when the cache can answer.
//
// Updates: the new worker installs beside the old, takes over at once
// (skipWaiting + clients.claim) and deletes the caches of older builds. Open
// pages keep the assets they loaded; the next page load uses the new build.
'use strict';

// What the shell loads (its scripts, stylesheet, icon), each bundle flavor's
// JS and wasm, and a version that changes with any of them: written by
// scripts/deploy/post-build.sh.
const BUILD = { version: 'dev', assets: [], flavors: {} };

const SCOPE = self.registration.scope;
const at = (p) => new URL(p, SCOPE).href;
const SHELL = at('shell.html');
const OFFLINE = at('offline.html');
const CONFIG = at('config.json');
// Every flavor's files are served cache first; one flavor is precached.
const ASSETS = [...BUILD.assets, ...Object.values(BUILD.flavors).flat()].map(at);

// Build-bound caches carry the version; content caches survive updates.
const CACHES = {
  shell: `kiosque-shell-${BUILD.version}`,
  pages: `kiosque-pages-${BUILD.version}`,
  articles: 'kiosque-articles-1',
  data: 'kiosque-data-1',
  search: 'kiosque-search-1',
  media: 'kiosque-media-1',
};
const LIMITS = { pages: 30, articles: 20, data: 40, search: 80, media: 80 };
// The static API's search index files (docs/content-api.md, "Search index").
const SEARCH_FILE = /\/search\/(?:index|terms\/\d+|docs\/\d+)\.json$/;
const TIMEOUT_MS = 3000;
const HASHED = /-[0-9a-f]{12,16}(?:_bg)?\.(?:js|wasm|css)$/;
// Set when config.json turns offline reading off (retireIfTurnedOff).
let retired = false;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const config = await fetch(CONFIG, { cache: 'no-cache' }).catch(() => null);
      const shell = await caches.open(CACHES.shell);
      const assets = [...BUILD.assets, ...(await flavor(config))].map(at);
      // Revalidated: a stale copy from the HTTP cache would stay for the build.
      await shell.addAll([SHELL, OFFLINE, ...assets].map((u) => new Request(u, { cache: 'no-cache' })));
      // What every route needs, so that the first page read is readable
      // offline even though it loaded before this worker was there.
      if (config?.ok) {
        await remember(CACHES.data, CONFIG, config.clone(), LIMITS.data);
        const root = await apiRoot(config);
        if (root) {
          for (const doc of ['site.json', 'home.json', 'search/index.json']) {
            const url = `${root}/${doc}`;
            const r = await fetch(url, { headers: { Accept: 'application/json' } }).catch(() => null);
            const [cache, limit] = cacheFor(url);
            if (r?.ok) await remember(cache, url, r, limit);
          }
        }
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set(Object.values(CACHES));
      for (const name of await caches.keys()) {
        if (name.startsWith('kiosque-') && !keep.has(name)) await caches.delete(name);
      }
      await self.clients.claim();
      // The pages open now loaded before this worker: keep them too.
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        const url = pageKey(client.url);
        if (url.startsWith(SCOPE)) await keepPage(url, await fetch(url).catch(() => null));
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (retired || request.method !== 'GET') return;
  const url = request.url;
  // A protected post read with its password (WordPress's `password`
  // parameter): straight to the network, never kept.
  if (/[?&]password=/.test(url)) return;
  // An editor's preview: the page and its authenticated requests go
  // straight to the network, never kept.
  if (request.headers.has('Authorization') || isPreview(url)) return;
  if (request.mode === 'navigate') {
    if (url.startsWith(SCOPE)) event.respondWith(navigate(event));
    return;
  }
  if (pageKey(url) === CONFIG) {
    event.respondWith(networkFirst(event, CACHES.data, LIMITS.data, CONFIG, retireIfTurnedOff));
    return;
  }
  const sameSite = url.startsWith(SCOPE);
  // A prerendered page's data (make prerender): kept beside its page, bounded.
  if (sameSite && url.startsWith(`${SCOPE}page-data/`)) {
    event.respondWith(networkFirst(event, CACHES.pages, LIMITS.pages, url));
    return;
  }
  if (ASSETS.includes(url) || (sameSite && HASHED.test(new URL(url).pathname))) {
    event.respondWith(cacheFirst(request, CACHES.shell));
    return;
  }
  if ((request.headers.get('Accept') || '').includes('application/json')) {
    const [cache, limit] = cacheFor(url);
    event.respondWith(networkFirst(event, cache, limit, url));
    return;
  }
  if (sameSite && request.destination === 'image') {
    event.respondWith(networkFirst(event, CACHES.media, LIMITS.media, url));
  }
});

/** The cache (and its limit) an API document is kept in. */
function cacheFor(url) {
  const path = new URL(url).pathname;
  if (/\/articles\/[^/]+\.json$|\/wp\/v2\/posts\?(?:.*&)?slug=/.test(url)) return [CACHES.articles, LIMITS.articles];
  if (SEARCH_FILE.test(path)) return [CACHES.search, LIMITS.search];
  return [CACHES.data, LIMITS.data];
}

/** A URL without its fragment: the key pages and data are kept under. */
function pageKey(url) {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/** Stores `response` under `key` as the newest entry, dropping the oldest
 * entries beyond `limit` (Cache API keys are in insertion order). */
async function remember(cacheName, key, response, limit) {
  if (retired) return;
  const cache = await caches.open(cacheName);
  await cache.delete(key);
  await cache.put(key, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(old);
}

/** An editor's preview page (docs/previews.md; the shape of
 * kiosque_core::routes::Route::Preview): never kept, even when it was open
 * as this worker activated. */
function isPreview(url) {
  return /\/preview\/\d+\/?$/.test(new URL(url).pathname);
}

async function keepPage(key, response) {
  if (isPreview(key)) return;
  const html = (response?.headers.get('Content-Type') || '').startsWith('text/html');
  if (response?.ok && response.type === 'basic' && !response.redirected && html) {
    await remember(CACHES.pages, key, response, LIMITS.pages);
  }
}

async function cached(cacheName, key) {
  const cache = await caches.open(cacheName);
  return (await cache.match(key, { ignoreVary: true })) || null;
}

/**
 * The network's answer if it comes within TIMEOUT_MS; after that, or when
 * the network fails, `fallback()` if it finds something; when the network
 * failed and there is nothing, `last()`. A late network answer still
 * resolves `network` (and is stored by it).
 */
function race(network, fallback, last) {
  return new Promise((resolve) => {
    let done = false;
    const finish = (r) => {
      if (!done && r) {
        done = true;
        resolve(r);
      }
    };
    const timer = setTimeout(() => fallback().then(finish), TIMEOUT_MS);
    network.then(
      (r) => {
        clearTimeout(timer);
        finish(r);
      },
      async () => {
        clearTimeout(timer);
        finish((await fallback()) || last());
      },
    );
  });
}

function networkFirst(event, cacheName, limit, key, check) {
  const network = fetch(event.request).then((response) => {
    if (response.ok && (response.type === 'basic' || response.type === 'cors')) {
      event.waitUntil(remember(cacheName, key, response.clone(), limit));
      if (check) event.waitUntil(check(response.clone()));
    }
    return response;
  });
  event.waitUntil(network.catch(() => {}));
  return race(network, () => cached(cacheName, key), () => Response.error());
}

async function cacheFirst(request, cacheName) {
  const hit = await cached(cacheName, request.url);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && !retired) {
    const cache = await caches.open(cacheName);
    await cache.put(request.url, response.clone());
  }
  return response;
}

function navigate(event) {
  const key = pageKey(event.request.url);
  const network = fetch(event.request).then((response) => {
    event.waitUntil(keepPage(key, response.clone()));
    return response;
  });
  event.waitUntil(network.catch(() => {}));
  return race(network, () => offlinePage(key), () => cached(CACHES.shell, OFFLINE).then((r) => r || Response.error()));
}

/** What a page load gets offline: the page kept for this very URL, else the
 * shell when the route's data is cached, else nothing (offline.html). */
async function offlinePage(key) {
  const page = await cached(CACHES.pages, key);
  if (page) return page;
  const config = await cached(CACHES.data, CONFIG);
  const root = config && (await apiRoot(config));
  const docs = root && routeData(new URL(key));
  if (!docs) return null;
  for (const doc of ['site.json', ...docs]) {
    const url = `${root}/${doc}`;
    if (!(await cached(cacheFor(url)[0], url))) return null;
  }
  return cached(CACHES.shell, SHELL);
}

/** `"offline_reading": false` in config.json: this worker unregisters,
 * deletes its caches and stops answering; the pages it still controls go to
 * the network, the next ones load without it. */
async function retireIfTurnedOff(response) {
  const config = await response.json().catch(() => null);
  if (config?.offline_reading !== false) return;
  retired = true;
  await self.registration.unregister();
  for (const name of await caches.keys()) {
    if (name.startsWith('kiosque-')) await caches.delete(name);
  }
}

/** The bundle flavor's files for a config.json response: its `api.kind`'s
 * (or `unlock`), else the static one (the loader's rule, public/start.js). */
async function flavor(response) {
  const config = response?.ok ? await response.clone().json().catch(() => null) : null;
  const api = config?.api;
  // public/start.js's flavorOf: a static site with unlock_url takes `unlock`.
  const kind = api?.kind === 'static' && typeof api.unlock_url === 'string' ? 'unlock' : api?.kind;
  return (Object.hasOwn(BUILD.flavors, kind) && BUILD.flavors[kind]) || BUILD.flavors.static || [];
}

/** The static API's root from a config.json response (the rules of
 * docs/config.md, "URLs"), or null for another kind of API. */
async function apiRoot(response) {
  try {
    const { api } = await response.clone().json();
    if (api?.kind !== 'static' || typeof api.base_url !== 'string') return null;
    const url = api.base_url.trim();
    if (/^https?:\/\//.test(url)) return url.replace(/\/+$/, '');
    if (url.startsWith('//')) return `${new URL(SCOPE).protocol}${url.replace(/\/+$/, '')}`;
    return at(url.replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, ''));
  } catch {
    return null;
  }
}

/** The static API documents a route renders from (docs/content-api.md), or
 * null when unknown. */
function routeData(url) {
  const path = url.pathname.slice(new URL(SCOPE).pathname.length).replace(/\/+$/, '');
  const s = path.split('/');
  const list = { category: 'categories', tag: 'tags', author: 'authors' };
  if (path === '') return ['home.json'];
  if (s.length === 2 && s[0] === 'page') return [`latest/page/${s[1]}.json`];
  if (s.length === 2 && s[0] === 'article') return [`articles/${s[1]}.json`];
  if (list[s[0]] && (s.length === 2 || (s.length === 4 && s[2] === 'page'))) {
    return [`${list[s[0]]}/${s[1]}/page/${s[3] || 1}.json`];
  }
  // A search needs its shards too: those read before answer, others fail
  // in the page (offline error with a retry), never as a wrong page.
  if (path === 'search' || (s.length === 3 && s[0] === 'search' && s[1] === 'page')) return ['search/index.json'];
  if (s.length === 1) return [`pages/${s[0]}.json`];
  return null;
}
