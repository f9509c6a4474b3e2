#!/usr/bin/env bash
# The `deploy` layer of `make test`: every deploy recipe of docs/deploy.md,
# end to end, against the release build in dist/ (and, for the sub-path
# recipe, target/dist-subpath, built once per source change).
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -f target/deploy-results.json
node scripts/deploy/csp.mjs --check
node tests/deploy/subpath-bundle.mjs
node --test tests/deploy/
npx playwright test --config tests/deploy/playwright.config.mjs
