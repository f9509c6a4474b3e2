#!/usr/bin/env bash
# `make test`: every test layer, failing on the first error. Ends with one
# "N passed, N failed" line, the bundle sizes, and the time of each layer.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
# The wasm test runner drives Debian's chromedriver; a busy 2-core machine is slow.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-60}"

logdir=target/test-logs
mkdir -p "$logdir"
passed=0
failed=0
timings=()

# record NAME COUNTER RC START END [NOTE]: adds a finished layer's counts and
# time; stops `make test` with the summary if it failed.
record() {
  local name=$1 counter=$2 rc=$3 start=$4 end=$5 note=${6:-} log="$logdir/$1.log" p f
  read -r p f < <("$counter" "$log")
  passed=$((passed + p))
  failed=$((failed + f))
  timings+=("$(printf '%-22s %4ss  %s passed, %s failed%s' "$name" $((end - start)) "$p" "$f" "$note")")
  if [ "$rc" != 0 ]; then
    [ "$f" = 0 ] && failed=$((failed + 1))
    stop_background
    summary
    echo "make test: layer '$name' failed (exit $rc); log in $log" >&2
    exit 1
  fi
}

# run NAME COUNTER CMD...: runs a layer, tees its log, adds its counts.
run() {
  local name=$1 counter=$2 start rc
  shift 2
  printf '\n=== %s: %s\n' "$name" "$*"
  start=$(date +%s)
  "$@" 2>&1 | tee "$logdir/$name.log"
  rc=${PIPESTATUS[0]}
  record "$name" "$counter" "$rc" "$start" "$(date +%s)"
}

# start NAME COUNTER CMD...: starts a layer in the background (its log is
# printed when it is joined), for a layer that waits on other processes
# (WordPress's PHP) and shares no port or state with the layers run meanwhile.
declare -A bg_pid bg_counter
start() {
  local name=$1 counter=$2
  shift 2
  printf '\n=== %s (in the background, joined below): %s\n' "$name" "$*"
  # In a process group of its own (job control on for this one job), so that
  # stop_background can end it with everything it started.
  set -m
  (
    s=$(date +%s)
    "$@" > "$logdir/$name.log" 2>&1
    echo "$? $s $(date +%s)" > "$logdir/$name.status"
  ) &
  bg_pid[$name]=$!
  set +m
  bg_counter[$name]=$counter
}

# join NAME: waits for a background layer, prints its log, counts it.
join() {
  local name=$1 rc start end
  wait "${bg_pid[$name]}"
  unset "bg_pid[$name]"
  printf '\n=== %s (joined)\n' "$name"
  cat "$logdir/$name.log"
  read -r rc start end < "$logdir/$name.status" || { rc=1 start=0 end=0; }
  record "$name" "${bg_counter[$name]}" "$rc" "$start" "$end" " (in the background)"
}

none() { echo "0 0"; }
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { print p + 0, f + 0 }' "$1"
}
node_counts() {
  awk '/^# pass / { p += $3 } /^# fail / { f += $3 } END { print p + 0, f + 0 }' "$1"
}
playwright_counts() {
  node -e 'const r = require(process.argv[1]); const s = r.stats;
    console.log(s.expected + s.flaky, s.unexpected)' "${2:-$PWD/target/e2e-results.json}" 2>/dev/null || echo "0 0"
}
# Both halves of the e2e layer (scripts/e2e.sh).
e2e_counts() {
  local sp sf wp wf
  read -r sp sf < <(playwright_counts "$1" "$PWD/target/e2e-results-static.json")
  read -r wp wf < <(playwright_counts "$1" "$PWD/target/e2e-results-wordpress.json")
  echo $((sp + wp)) $((sf + wf))
}
# node --test counts plus the deploy Playwright results.
deploy_counts() {
  local np nf pp pf
  read -r np nf < <(node_counts "$1")
  read -r pp pf < <(playwright_counts "$1" "$PWD/target/deploy-results.json")
  echo $((np + pp)) $((nf + pf))
}

# stop_background: a layer failed; the background layers not yet joined stop
# too (their process groups), rather than outlive `make test`.
stop_background() {
  local name
  for name in "${!bg_pid[@]}"; do
    kill -TERM -- "-${bg_pid[$name]}" 2>/dev/null && echo "make test: stopped the background layer '$name'" >&2
  done
}

sizes() {
  local f
  for f in dist/*.wasm dist/*.js dist/*.css; do
    [ -f "$f" ] || continue
    printf '  %-40s raw %8d  gzip %7d  brotli %7d\n' "$(basename "$f")" "$(stat -c %s "$f")" \
      "$(gzip -9 -c "$f" | wc -c)" "$(brotli -q 11 -c "$f" | wc -c)"
  done
}

summary() {
  echo
  echo "=== time per layer"
  printf '  %s\n' "${timings[@]}"
  if ls dist/*.wasm >/dev/null 2>&1; then
    echo "=== bundle sizes (bytes)"
    sizes
  fi
  node scripts/playwright-report.mjs target/e2e-results-*.json target/deploy-results.json
  echo
  echo "$passed passed, $failed failed"
}

# Playwright's reports of an earlier run would name its failures as this one's.
rm -f target/e2e-results*.json target/deploy-results.json

run setup none scripts/setup.sh --test
run fmt none cargo fmt --all -- --check
run clippy-wasm none cargo clippy --target wasm32-unknown-unknown -p kiosque -p kiosque-core --features kiosque/hydrate --all-targets -- -D warnings
# Each bundle flavor alone (one per source, README "Bundle size") compiles warning-free.
run clippy-flavors none sh -c 'for f in source-static source-wordpress; do cargo clippy --target wasm32-unknown-unknown -p kiosque -p kiosque-core --no-default-features --features "kiosque/hydrate,kiosque/$f" --all-targets -- -D warnings || exit 1; done'
run clippy-host none cargo clippy --workspace --all-targets -- -D warnings
# One native build serves the tests; the content check and the prerender
# below reuse it (same profile, same features: only their binaries link).
run unit-native cargo_counts cargo test --workspace
run content-fresh none cargo run --quiet -p kiosque-content -- --check
run server node_counts node --test tests/server/
run wasm-browser cargo_counts cargo test --target wasm32-unknown-unknown -p kiosque --features hydrate
run trunk-release none trunk build --release
# Prerendered pages in dist/, as a publisher's deploy has them.
# (Absolute URLs name the e2e server, as a publisher's site.url would.)
run prerender none cargo run --quiet -p kiosque-cli -- prerender --site-url "http://127.0.0.1:${E2E_PORT:-4173}"
run size-budget none node scripts/size-budget.mjs
# A real WordPress (Debian packages) for the WordPress journeys.
run wordpress-up none scripts/wordpress/up.sh
# WordPress as installed in the wild: plain permalinks, a subdirectory and a
# multisite subsite, three more sites beside 8081 on their own addresses and
# databases. Mostly PHP time: it runs beside the next four layers.
start wordpress-configs cargo_counts scripts/wordpress-configs.sh
# nginx, Netlify and GitHub Pages recipes, and a sub-path deploy (docs/deploy.md).
run deploy deploy_counts scripts/deploy/test.sh
# The publisher's artefact in a clean directory: no target/, no cargo.
run publisher-clean none sh -c 'PUBLISHER_PROFILE=dev scripts/publisher/package.sh && scripts/publisher/clean-test.sh'
run prerender-wp none scripts/prerender-wp.sh
# A static export from the test WordPress: incremental, resumable, tolerant (docs/deploy.md).
run export-wp none scripts/export-wp.sh
join wordpress-configs
# Sitemaps, news sitemap and feeds of every prerendered site against schemas (tests/schemas/).
run schemas none tests/schemas/test.sh
# A hostile copy of dist/ (tests/hostile/vectors.json in every field), prerendered, for hostile.spec.mjs.
run hostile-static none node tests/hostile/make-static.mjs
run e2e e2e_counts scripts/e2e.sh
summary
