#!/usr/bin/env bash
# Makes better-sqlite3 (the fresh app's SQLite driver) loadable after an install without scripts.
# When this repo's node_modules holds a build of the very same better-sqlite3 version for the very same Node,
# its binary is copied (compiling sqlite3.c again takes over two minutes of CPU and proves nothing about the
# suite); otherwise it is compiled with node-gyp against this Node's headers (npm_config_nodedir).
# Usage: build-better-sqlite3.sh <repo-root> <app-dir>
set -euo pipefail
repo="$1/node_modules/better-sqlite3"
app="$2/node_modules/better-sqlite3"
version() { node -p "require('$1/package.json').version"; }
binary=build/Release/better_sqlite3.node
if [ -f "$repo/$binary" ] && [ "$(version "$repo")" = "$(version "$app")" ] &&
  node -e "require('$repo')(':memory:').close()" 2>/dev/null; then
  mkdir -p "$app/build/Release"
  cp "$repo/$binary" "$app/$binary"
  echo "better-sqlite3 $(version "$app"): copied this repo's build (same version, same Node $(node --version))"
else
  (cd "$app" && node "$2/node_modules/node-gyp/bin/node-gyp.js" rebuild --release)
fi
node -e "require('$app')(':memory:').close()"
echo "better-sqlite3 loads"
