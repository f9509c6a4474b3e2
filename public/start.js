// Starts the wasm bundle. A same-origin file rather than trunk's inline
// loader, so the Content-Security-Policy needs no hash that changes with
// every build. trunk writes the hashed file names on the script tag
// (Trunk.toml, pattern_script).
const tag = document.querySelector('script[data-wasm]');
const { default: init } = await import(tag.dataset.js);
const wasm = await init({ module_or_path: tag.dataset.wasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
