#!/usr/bin/env bash
# Makes a fresh machine ready, then hands over to the harness CLI: `bootstrap.sh demo|test|…`.
# Needs Node >= 20.19 with npm. Installs pnpm (pinned, project-local), the workspace's packages,
# and, through the harness, Chromium (apt) and the LiveKit server and CLI (built with Go).
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION="$(node -p 'require("./package.json").packageManager.split("@")[1]')"

if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "Show needs Node.js 20.19 or newer (this is $(node --version)): install it from https://nodejs.org/." >&2
  exit 1
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  local_pnpm=".tools/pnpm/node_modules/.bin"
  if [ "$("$local_pnpm/pnpm" --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
    echo "[show] installing pnpm $PNPM_VERSION into .tools/pnpm…" >&2
    npm install --silent --no-audit --no-fund --prefix .tools/pnpm "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$PWD/$local_pnpm:$PATH"
fi

echo "[show] installing workspace packages…" >&2
pnpm install --frozen-lockfile --reporter=append-only >&2

exec node tooling/harness/src/cli.mjs "$@"
