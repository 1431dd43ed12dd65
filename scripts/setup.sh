#!/bin/sh
# Makes this machine able to run the project: Node.js 24 LTS and the pnpm pinned in package.json.
# Both come from the npm registry (the `node` package ships the runtime), so nothing else needs to be
# reachable. Installs into PREFIX (default /usr/local, whose bin precedes /usr/bin on PATH) and only
# when the installed version is older or different; run it again at any time, it does nothing then.
set -eu
cd "$(dirname "$0")/.."
PREFIX="${PREFIX:-/usr/local}"
NODE_MAJOR=24

major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(major)" -lt "$NODE_MAJOR" ]; then
  echo "setup: installing Node.js $NODE_MAJOR into $PREFIX (found $(node --version 2>/dev/null || echo none))"
  npm install --global --prefix "$PREFIX" --no-audit --no-fund "node@$NODE_MAJOR"
  # A shell that already ran node remembers the old path; `hash -r` forgets it.
  hash -r 2>/dev/null || true
fi
if [ "$(major)" -lt "$NODE_MAJOR" ]; then
  echo "setup: node on PATH is still $(node --version); put $PREFIX/bin before it on PATH" >&2
  exit 1
fi

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  echo "setup: installing pnpm $pnpm_version into $PREFIX"
  # An explicit prefix: npm running on the npm-installed node would otherwise install next to it.
  npm install --global --prefix "$PREFIX" --no-audit --no-fund "pnpm@$pnpm_version"
  hash -r 2>/dev/null || true
fi
echo "setup: node $(node --version), pnpm $(pnpm --version)"
