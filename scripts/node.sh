#!/usr/bin/env bash
# Puts a supported Node.js (22 or newer) first on PATH. Where the machine's own Node is
# older, installs the current LTS (Node 24) from the npm registry's `node` package, which
# ships the binary for this platform, into .stack/node; install, build, tests and the
# processes then all run on it. Source it, then `install_dependencies` (or `use_supported_node`).
NODE_RUNTIME_MAJOR=24
NODE_RUNTIME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.stack/node"

# The API's and worker's heaps (docs/performance.md). Node 24 lets the young generation grow to
# 64 MiB semi-spaces, which both keep once touched, and lets the old one fill with garbage up to a
# multiple of what lives: the API sat at 290-350 MiB, the worker at 420-520 MiB, with 50-90 MiB
# alive. Smaller semi-spaces for both; for the worker also an old generation of 256 MiB (the API
# pays 40 % more CPU per request under that limit, the worker does not). The Dockerfile, the
# compose file and the start scripts in package.json carry the same flags.
export API_NODE_OPTIONS="--max-semi-space-size=16"
export WORKER_NODE_OPTIONS="--max-semi-space-size=16 --max-old-space-size=256"

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

use_supported_node() {
  if [ -x "$NODE_RUNTIME_DIR/node_modules/.bin/node" ]; then
    export PATH="$NODE_RUNTIME_DIR/node_modules/.bin:$PATH"
  fi
  if [ "$(node_major)" -ge 22 ]; then return 0; fi
  printf '\033[1;34m[node]\033[0m Node %s is past its end of life; installing Node %s into %s\n' \
    "$(node -v 2>/dev/null || echo none)" "$NODE_RUNTIME_MAJOR" "$NODE_RUNTIME_DIR" >&2
  mkdir -p "$NODE_RUNTIME_DIR"
  # The package's preinstall fetches the platform's binary package, so it must be allowed to run.
  cat >"$NODE_RUNTIME_DIR/package.json" <<JSON
{ "private": true, "dependencies": { "node": "$NODE_RUNTIME_MAJOR" }, "allowScripts": { "node": true } }
JSON
  (cd "$NODE_RUNTIME_DIR" && npm install --no-package-lock --no-audit --no-fund --loglevel=error >/dev/null)
  export PATH="$NODE_RUNTIME_DIR/node_modules/.bin:$PATH"
  [ "$(node_major)" -ge 22 ] || { echo "Could not install Node $NODE_RUNTIME_MAJOR" >&2; exit 1; }
}

# npm ci installs exactly the committed lock file and never rewrites it, so a checkout stays clean.
install_dependencies() {
  use_supported_node
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    printf '\033[1;34m[node]\033[0m Installing dependencies (npm ci, from the lock file)\n' >&2
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
