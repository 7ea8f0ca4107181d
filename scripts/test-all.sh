#!/usr/bin/env bash
# Everything `./dev test` runs, in order: type-check, lint, unit + integration tests (SQLite and PostgreSQL 15),
# then the end-to-end browser test against a started portal.
set -euo pipefail
cd "$(dirname "$0")/.."
yarn() { node .yarn/releases/yarn-4.13.0.cjs "$@"; }

source scripts/ensure-system-packages.sh

echo "== type-check" >&2
yarn tsc
echo "== lint" >&2
yarn backstage-cli repo lint
echo "== unit and integration tests" >&2
CI=true yarn backstage-cli repo test --maxWorkers=2
echo "== end-to-end (Playwright + Debian chromium)" >&2
# CI mode for the browser test: always a freshly started portal (never a stale dev server), no .only.
CI=true yarn playwright test
