// Starts the wasm bundle. A same-origin file rather than trunk's inline
// loader, so the Content-Security-Policy needs no hash that changes with
// every build. trunk writes the hashed file names on the script tag
// (Trunk.toml, pattern_script); release builds add one flavor per source
// (data-js-wordpress…, scripts/deploy/flavor.sh).
const tag = document.querySelector('script[data-wasm]');

/** The bundle for config.json's `api.kind`: {js, wasm}; trunk's own (static)
 * without that flavor (`trunk serve`) or a readable config: the app then says
 * what is wrong. The fetch is the one index.html preloads; its text goes to
 * the app (boot.rs), which needs it next. public/sw.js picks the same way. */
async function bundle() {
  const r = await fetch('config.json', { credentials: 'same-origin' }).catch(() => null);
  const text = r?.ok && /json/.test(r.headers.get('content-type')) ? await r.text().catch(() => null) : null;
  let kind = '';
  try {
    kind = String(JSON.parse(text).api.kind);
    window.__kiosqueConfig = text;
  } catch {}
  const d = tag.dataset;
  const key = kind.charAt(0).toUpperCase() + kind.slice(1);
  return d[`js${key}`] && d[`wasm${key}`] ? { js: d[`js${key}`], wasm: d[`wasm${key}`] } : { js: d.js, wasm: d.wasm };
}

const { js, wasm: wasmUrl } = await bundle();
const { default: init } = await import(js);
const wasm = await init({ module_or_path: wasmUrl });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
