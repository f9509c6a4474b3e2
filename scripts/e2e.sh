#!/usr/bin/env bash
# The e2e layer of `make test`: Playwright against the release bundle, in two
# halves at once (tests/e2e/groups.mjs), sharing one server of dist/ on
# E2E_PORT. Each half logs with its name in front; the exit status fails if
# either half fails. Arguments go to both halves (e.g. --grep); a half they
# leave without tests passes.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
port="${E2E_PORT:-4173}"

node scripts/serve.mjs --root dist --port "$port" > target/e2e-server.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null' EXIT
for _ in $(seq 240); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/config.json" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat target/e2e-server.log >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/config.json" \
  || { echo "e2e: the server of dist/ did not answer on port $port" >&2; cat target/e2e-server.log >&2; exit 1; }

groups=(static wordpress)
pids=()
for group in "${groups[@]}"; do
  rm -f "target/e2e-results-$group.json" "target/e2e-$group.rc"
  (
    E2E_GROUP=$group E2E_REUSE_SERVER=1 npx playwright test --config tests/e2e/playwright.config.mjs --pass-with-no-tests "$@" 2>&1
    echo $? > "target/e2e-$group.rc"
  ) | sed -u "s/^/[$group] /" &
  pids+=($!)
done
# Not a bare `wait`: that would wait for the server too.
wait "${pids[@]}"
status=0
for group in "${groups[@]}"; do
  rc=$(cat "target/e2e-$group.rc" 2>/dev/null || echo 1)
  echo "e2e $group: exit $rc"
  [ "$rc" = 0 ] || status=1
done
exit "$status"
