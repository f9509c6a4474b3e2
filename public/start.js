// Starts the wasm bundle. A same-origin file rather than trunk's inline
// loader, so the Content-Security-Policy needs no hash that changes with
// every build. trunk writes the hashed file names on the script tag
// (Trunk.toml, pattern_script); release builds add one flavor per source
// (data-js-wordpress…, scripts/deploy/flavor.sh).
const tag = document.querySelector('script[data-wasm]');

/** The bundle for config.json's `api.kind`: {js, wasm}. Without that flavor
 * (`trunk serve`), or without a readable config, trunk's own (static); the
 * app then says what is wrong. Same request as index.html's preload, so the
 * preload answers it; public/sw.js applies the same rule. */
async function bundle() {
  const kind = await fetch('config.json', { credentials: 'same-origin', mode: 'cors' })
    .then((r) => r.json())
    .then((c) => String(c?.api?.kind || ''), () => '');
  const key = kind.charAt(0).toUpperCase() + kind.slice(1);
  const d = tag.dataset;
  return d[`js${key}`] && d[`wasm${key}`] ? { js: d[`js${key}`], wasm: d[`wasm${key}`] } : { js: d.js, wasm: d.wasm };
}

const { js, wasm: wasmUrl } = await bundle();
const { default: init } = await import(js);
const wasm = await init({ module_or_path: wasmUrl });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
