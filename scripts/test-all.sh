#!/usr/bin/env bash
# Everything `./dev test` runs, in order: type-check, API reports, lint, unit + integration tests (SQLite and
# PostgreSQL 15), then the end-to-end browser tests against a started portal. The install test
# (scripts/verify-install.sh) is run separately.
set -euo pipefail
cd "$(dirname "$0")/.."
yarn() { node .yarn/releases/yarn-4.13.0.cjs "$@"; }

source scripts/ensure-system-packages.sh

echo "== type-check" >&2
yarn tsc
# The benchmark scripts, install/bench helpers and browser tests are outside the packages' sources `yarn tsc` covers.
yarn tsc -p tsconfig.scripts.json
echo "== API reports (each package's report*.api.md must match its public API; update: yarn build:api-reports)" >&2
# Reads the declarations that `yarn tsc` just wrote to dist-types; on drift it prints the changed report.
yarn build:api-reports --ci | { grep -v '^Analysis will use' || true; }
echo "== lint" >&2
yarn backstage-cli repo lint
echo "== unit and integration tests" >&2
CI=true yarn backstage-cli repo test --maxWorkers=2
echo "== end-to-end (Playwright + Debian chromium)" >&2
# CI mode for the browser test: always a freshly started portal (never a stale dev server), no .only.
CI=true yarn playwright test
# The install test (scripts/verify-install.sh: pack, fresh create-app app, documented lines, backend health) is a
# separate command (README, "Installable packages"): it needs the npm registry for a fresh app's dependencies.
