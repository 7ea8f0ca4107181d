#!/usr/bin/env bash
# Proves the README's "Installing the suite into your own Backstage" section on a brand-new app:
#   1. builds the plugin packages (`backstage-cli repo build`) and packs the ones the section names, with their
#      local dependencies, into npm tarballs (production package.json: publishConfig, dist/ exports, compiled
#      config schema, `workspace:` ranges replaced by versions, as `yarn pack` does);
#   2. creates a fresh app from the @backstage/create-app template (--skip-install: its yarn.lock seed is not
#      reachable offline), merges this repo's `resolutions` (pins for the registry mirror's gaps) into it;
#   3. installs the tarballs (by file path: the packages are private), adds the documented lines
#      (scripts/verify-install/add-documented-lines.js reads them from the READMEs);
#   4. type-checks the app (`yarn tsc`) and starts its backend until GET /api/reliability/health answers, then stops it.
# Usage: scripts/verify-install.sh   (work dir: $VERIFY_INSTALL_DIR, default ${TMPDIR:-/tmp}/reliability-verify-install; it
#   must lie outside this repo, or Node would resolve anything the tarballs forget from this repo's node_modules)
#   VERIFY_INSTALL_SKIP_TSC=1  skip this repo's `yarn tsc` (the caller has just run it: dist-types is fresh)
#   VERIFY_INSTALL_PORT        backend port of the fresh app (default 7117, so it never meets the portal's 7007)
#   CREATE_APP_VERSION         @backstage/create-app version (default 0.9.2)
#   VERIFY_INSTALL_KEEP=1      keep the work dir (tarballs, the app, logs) after a successful run; a failed run always keeps it
set -euo pipefail
cd "$(dirname "$0")/.."
REPO_ROOT="$(pwd)"
source scripts/bootstrap.sh # Node 22 on PATH, npm_config_nodedir for native addons, `yarn`

WORK="${VERIFY_INSTALL_DIR:-${TMPDIR:-/tmp}/reliability-verify-install}"
case "$(realpath -m "$WORK")/" in
  "$REPO_ROOT"/*) echo "verify-install: the work dir must lie outside the repo ($WORK)" >&2; exit 2 ;;
esac
PORT="${VERIFY_INSTALL_PORT:-7117}"
CREATE_APP_VERSION="${CREATE_APP_VERSION:-0.9.2}"
APP="$WORK/app"
started=$SECONDS
step() { echo "== verify-install [$((SECONDS - started))s] $*" >&2; }

rm -rf "$WORK"
mkdir -p "$WORK/dist-workspace" "$WORK/tarballs"

# The packages the install section names (the frontend import's `/alpha` is the same package).
mapfile -t packages < <(sed -n '/^## Installing the suite into your own Backstage/,/^## /p' README.md |
  grep -o "@internal/[a-z0-9-]*" | sort -u)
[ "${#packages[@]}" -gt 0 ] || { echo "verify-install: no @internal packages named in the README's install section" >&2; exit 1; }

step "build ${#packages[@]} documented packages and their local dependencies"
if [ -z "${VERIFY_INSTALL_SKIP_TSC:-}" ]; then
  yarn tsc # declarations in dist-types, read by the types build
fi
yarn backstage-cli repo build >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; exit 1; }

step "pack: ${packages[*]}"
yarn backstage-cli build-workspace "$WORK/dist-workspace" "${packages[@]}" >"$WORK/pack.log" 2>&1 ||
  { tail -40 "$WORK/pack.log" >&2; exit 1; }
node scripts/verify-install/pack-packages.js "$WORK/dist-workspace" "$WORK/tarballs" >"$WORK/tarballs.json"
ls -1 "$WORK/tarballs" >&2

step "create a fresh app with @backstage/create-app@$CREATE_APP_VERSION"
# create-app checks for a `yarn` command: the committed Yarn release, as on a developer machine.
mkdir -p "$WORK/bin"
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$REPO_ROOT/.yarn/releases/yarn-4.13.0.cjs" >"$WORK/bin/yarn"
chmod +x "$WORK/bin/yarn"
export PATH="$WORK/bin:$PATH"
(cd "$WORK" && BACKSTAGE_APP_NAME=verify-app npx --yes "@backstage/create-app@$CREATE_APP_VERSION" \
  --skip-install --path "$APP" >"$WORK/create-app.log" 2>&1) || { tail -40 "$WORK/create-app.log" >&2; exit 1; }
app_yarn() { (cd "$APP" && node .yarn/releases/yarn-*.cjs "$@"); }

step "install the tarballs and add the documented lines"
node scripts/verify-install/wire-tarballs.js "$REPO_ROOT" "$APP" "$WORK/tarballs.json" >&2
node scripts/verify-install/add-documented-lines.js "$REPO_ROOT" "$APP" >&2
# The lockfile seed create-app would fetch from GitHub is out of reach offline; this repo's yarn.lock takes its
# place (same Backstage release, so the app gets the dependency versions tested here; yarn re-resolves the rest).
cp yarn.lock "$APP/yarn.lock"
# Install scripts are skipped: the template's native addons (tree-sitter for the API docs UI, keytar, ssh2) take
# minutes to compile and play no part in type-checking or starting the backend. better-sqlite3, the template's
# database, is built below.
YARN_ENABLE_SCRIPTS=false app_yarn install >"$WORK/install.log" 2>&1 ||
  { grep -E 'YN0001|YN0009|YN0082|YN0018' "$WORK/install.log" | head -20 >&2; tail -20 "$WORK/install.log" >&2; exit 1; }

step "type-check the app while better-sqlite3 is built"
scripts/verify-install/build-better-sqlite3.sh "$REPO_ROOT" "$APP" >"$WORK/better-sqlite3.log" 2>&1 &
sqlite_pid=$!
app_yarn tsc
wait "$sqlite_pid" || { echo "verify-install: building better-sqlite3 failed:" >&2; tail -20 "$WORK/better-sqlite3.log" >&2; exit 1; }

step "start the app's backend on :$PORT until /api/reliability/health answers"
cat >"$APP/app-config.verify.yaml" <<EOF
backend:
  baseUrl: http://localhost:$PORT
  listen:
    port: $PORT
EOF
(cd "$APP/packages/backend" && exec setsid node ../../.yarn/releases/yarn-*.cjs start \
  --config ../../app-config.yaml --config ../../app-config.verify.yaml) >"$WORK/backend.log" 2>&1 &
backend_pid=$!
stop_backend() { kill -- "-$backend_pid" 2>/dev/null || true; wait "$backend_pid" 2>/dev/null || true; }
trap stop_backend EXIT
healthy=""
for _ in $(seq 1 300); do
  if ! kill -0 "$backend_pid" 2>/dev/null; then break; fi
  if body=$(curl -fsS "http://localhost:$PORT/api/reliability/health" 2>/dev/null); then healthy="$body"; break; fi
  sleep 1
done
stop_backend
trap - EXIT
if [ -z "$healthy" ]; then
  echo "verify-install: the fresh app's backend never answered /api/reliability/health; last log lines:" >&2
  tail -40 "$WORK/backend.log" >&2
  exit 1
fi
step "healthy: $(echo "$healthy" | tr -d ' \n')"
if [ -z "${VERIFY_INSTALL_KEEP:-}" ]; then
  rm -rf "$WORK"
fi
echo "verify-install: OK in $((SECONDS - started))s" >&2
