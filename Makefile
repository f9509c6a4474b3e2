# Kiosque. The README documents two commands: `make serve` and `make test`.
.PHONY: serve test check setup build prerender publisher content bench bench-archive soak fuzz clean

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

## Installs what is missing, then serves the demo site on http://127.0.0.1:8080
serve:
	scripts/setup.sh
	trunk serve

## Installs what tests need, then runs every test layer
test:
	scripts/test.sh

## The inner loop (about 3 minutes warm on 2 cores): fmt, clippy for the
## browser and native targets, native unit tests of every crate
check:
	cargo fmt --all -- --check
	cargo clippy --target wasm32-unknown-unknown -p kiosque -p kiosque-core --features kiosque/hydrate --all-targets -- -D warnings
	cargo clippy --workspace --all-targets -- -D warnings
	cargo test --workspace

setup:
	scripts/setup.sh --test

## Release bundle in dist/: one wasm per source (static, WordPress), the loader picks it from config.json
build:
	scripts/setup.sh
	trunk build --release

## Performance report: bench/report.md + bench/report.json (release build in dist/, prerendered copies, Lighthouse, navigation, memory);
## also installs twiggy, which measures where the wasm's bytes go (README, "Bundle size")
bench:
	scripts/setup.sh --bench
	node scripts/bench/run.mjs $(BENCH_ARGS)

## Prerender at archive scale: bench/archive.md + bench/archive.json. For 1,000, 10,000 and 100,000 synthetic
## articles (ARCHIVE_SIZES="1000 10000" for fewer): a full prerender (time, pages/s, peak memory, bytes), then
## 10 articles edited and an incremental run. A report, not a test: about 25 minutes on 2 shared cores
bench-archive:
	scripts/setup.sh
	trunk build --release
	cargo build --release -p kiosque-cli -p kiosque-content
	node scripts/bench/archive.mjs

## Prerenders the home, the categories and the latest articles into dist/ (built first if missing),
## from the source in dist/config.json; re-run when content changes. PRERENDER_ARGS="--dist DIR --site-url URL"
prerender:
	scripts/setup.sh
	test -f dist/shell.html || trunk build --release
	cargo run --quiet -p kiosque-cli -- prerender $(PRERENDER_ARGS)

## The publisher's command as a release artefact, for servers without a Rust toolchain (docs/deploy.md):
## target/artefacts/kiosque-publish-<version>-<target>.tar.gz (+ .sha256): the binary, README.txt, SHA256SUMS
publisher:
	scripts/publisher/package.sh

## Property-based fuzzing (tests/fuzz/): each target for FUZZ_SECS seconds (default 60), plus the corpus replay
FUZZ_SECS ?= 60
fuzz:
	FUZZ_SECS=$(FUZZ_SECS) cargo test -p kiosque-core --test fuzz -- --test-threads=1 --nocapture

## Soak: 1,000 client navigations across every view, 0 console errors expected; bench/soak.json (release build in dist/)
soak:
	scripts/setup.sh --test
	node scripts/soak.mjs $(SOAK_ARGS)

## Regenerates public/api and public/media from content/
content:
	cargo run --release -p kiosque-content

clean:
	cargo clean
	rm -rf dist
