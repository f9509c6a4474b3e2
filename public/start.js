// Starts the wasm bundle. A same-origin file rather than trunk's inline
// loader, so the Content-Security-Policy needs no hash that changes with
// every build. trunk writes the hashed file names on the script tag
// (Trunk.toml, pattern_script); release builds add one flavor per source
// (data-js-wordpress…, scripts/deploy/flavor.sh).
//
// A prerendered page is complete without the app: most readers read it and
// leave, so the app is fetched at the reader's first sign of intent (a
// pointer or key pressed, focus in the page, a hovered link or control),
// not on arrival. A click that comes before the app is a normal page load,
// served from the HTTP cache with the app's files already on their way.
// Pages that are not prerendered (the shell: search results, the 404 view,
// pages rendered client-side) start the app at once.
//
// A classic `defer` script, not a module: browsers fetch module scripts at
// high priority, beside the stylesheet and the largest image, and this file
// is not needed for the first paint. The block keeps its names out of the
// page's global scope.
'use strict';
{
const tag = document.querySelector('script[data-wasm]');
const INTERACTIVE = 'a[href], button, input, select, textarea, summary, label';
let started = false;

/** The bundle for config.json's `api.kind`: {js, wasm}; trunk's own (static)
 * without that flavor (`trunk serve`) or a readable config: the app then says
 * what is wrong. The shell preloads this fetch (prerendered pages do not: the
 * reader may never show intent); its text goes to
 * the app (boot.rs), which needs it next. public/sw.js picks the same way. */
async function bundle() {
  const r = await fetch('config.json', { credentials: 'same-origin' }).catch(() => null);
  const text = r?.ok && /json/.test(r.headers.get('content-type')) ? await r.text().catch(() => null) : null;
  let kind = '';
  try {
    kind = flavorOf(JSON.parse(text).api);
    window.__kiosqueConfig = text;
  } catch {}
  const d = tag.dataset;
  const key = kind.charAt(0).toUpperCase() + kind.slice(1);
  return d[`js${key}`] && d[`wasm${key}`] ? { js: d[`js${key}`], wasm: d[`wasm${key}`] } : { js: d.js, wasm: d.wasm };
}

/** The flavor an `api` object needs: its kind's, but a static site that
 * unlocks protected posts through a WordPress (`unlock_url`) takes the
 * static bundle with the body converter (`unlock`, post-build.sh). The
 * same rule as public/sw.js's `flavor`. */
function flavorOf(api) {
  return api.kind === 'static' && typeof api.unlock_url === 'string' ? 'unlock' : String(api.kind);
}

/** A prerendered page's data (its resources, for hydration), named by a
 * <meta> and fetched here rather than on arrival: the first view's bandwidth
 * goes to the page and its largest image. Resolves when the data has run, or
 * failed to load (the app then sees a stale page and renders it itself). */
function pageData() {
  const src = document.querySelector('meta[name="kiosque-data"]')?.content;
  if (!src) return Promise.resolve();
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = script.onerror = () => resolve();
    document.head.append(script);
  });
}

// Once a reader has shown intent, the app follows them: the page a click
// reached before the app arrived starts it at once (from the HTTP cache), so
// client-side routing takes over from there. Per tab, like the reading.
const INTENT_KEY = 'kiosque-intent';
function remembered() {
  try {
    return sessionStorage.getItem(INTENT_KEY) === '1';
  } catch {
    return false;
  }
}

async function start() {
  if (started) return;
  started = true;
  try {
    sessionStorage.setItem(INTENT_KEY, '1');
  } catch {}
  for (const [type, listener] of intents) removeEventListener(type, listener, true);
  try {
    const [{ js, wasm: wasmUrl }] = await Promise.all([bundle(), pageData()]);
    const { default: init } = await import(js);
    const wasm = await init({ module_or_path: wasmUrl });
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  } catch (error) {
    // A lost connection: the next held submit or click tries again.
    started = false;
    release();
    throw error;
  }
}

// A form only the app can run (it has no `action`; the search form has one
// and works as a plain GET) submitted before the app has hydrated: a plain
// submit would reload the page and lose what was typed. It is held (marked
// busy), the app started, and submitted once again when the app has taken
// over (`<html data-app>`, boot.rs): never lost, never sent twice. A button
// only the app can run (`.app-action`: the theme, reply, copy the link, load an embed)
// clicked before it is held the same way and clicked once again then; more
// clicks on it while it waits are that same click. The last held action is
// the one made.
const root = document.documentElement;
let held = null;
function hold(event, what) {
  if (root.hasAttribute('data-app') || !what) return;
  event.preventDefault();
  if (held?.what === what) return;
  release();
  held = { what, submitter: event.submitter };
  what.setAttribute('aria-busy', 'true');
  start();
}
const holdSubmit = (event) => {
  const form = event.target;
  hold(event, form instanceof HTMLFormElement && !form.hasAttribute('action') ? form : null);
};
const holdClick = (event) => hold(event, event.target instanceof Element ? event.target.closest('button.app-action') : null);
function release() {
  held?.what.removeAttribute('aria-busy');
  const last = held;
  held = null;
  return last;
}
addEventListener('submit', holdSubmit, true);
addEventListener('click', holdClick, true);
new MutationObserver((_, watch) => {
  if (!root.hasAttribute('data-app')) return;
  watch.disconnect();
  removeEventListener('submit', holdSubmit, true);
  removeEventListener('click', holdClick, true);
  const { what, submitter } = release() ?? {};
  if (!what?.isConnected) return;
  if (what instanceof HTMLFormElement) what.requestSubmit(submitter?.isConnected && submitter.form === what ? submitter : null);
  else what.click();
}).observe(root, { attributes: true, attributeFilter: ['data-app'] });

// The next page, fetched while the pointer rests on its link.
const prefetched = new Set();
function prefetch(link) {
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname === location.pathname || prefetched.has(url.href)) return;
  prefetched.add(url.href);
  const hint = document.createElement('link');
  hint.rel = 'prefetch';
  hint.href = url.href;
  document.head.append(hint);
}

const intents = [
  ['pointerdown', start],
  ['touchstart', start],
  ['keydown', start],
  ['focusin', start],
  [
    'pointerover',
    (event) => {
      const target = event.target instanceof Element && event.target.closest(INTERACTIVE);
      if (!target) return;
      if (target.matches('a[href]')) prefetch(target);
      start();
    },
  ],
];

// `__kiosqueEager`: set by the end-to-end tests that exercise the app itself
// rather than its arrival.
if (!document.querySelector('meta[name="kiosque-prerender"]') || window.__kiosqueEager || remembered()) {
  start();
} else {
  for (const [type, listener] of intents) addEventListener(type, listener, { capture: true, passive: true });
}
}
