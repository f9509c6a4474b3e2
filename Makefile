# Kiosque. The README documents two commands: `make serve` and `make test`.
.PHONY: serve test setup build content bench soak clean

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

## Installs what is missing, then serves the demo site on http://127.0.0.1:8080
serve:
	scripts/setup.sh
	trunk serve

## Installs what tests need, then runs every test layer
test:
	scripts/test.sh

setup:
	scripts/setup.sh --test

## Release bundle in dist/
build:
	scripts/setup.sh
	trunk build --release

## Performance report: bench/report.md + bench/report.json (release build in dist/, Lighthouse, navigation, memory)
bench:
	scripts/setup.sh --test
	node scripts/bench/run.mjs $(BENCH_ARGS)

## Soak: 1,000 client navigations across every view, 0 console errors expected; bench/soak.json (release build in dist/)
soak:
	scripts/setup.sh --test
	node scripts/soak.mjs $(SOAK_ARGS)

## Regenerates public/api and public/media from content/
content:
	cargo run --release --features content --bin content

clean:
	cargo clean
	rm -rf dist
