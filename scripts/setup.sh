#!/usr/bin/env bash
# One-time (and idempotent) set-up on Debian with Node 20: the system libraries `canvas` compiles
# against, the PDF tools and the browser the tests use, then the npm packages and the TypeScript build.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  build-essential pkg-config        # compile canvas's native addon
  libcairo2-dev libpango1.0-dev libgif-dev libjpeg-dev librsvg2-dev   # canvas (chart rendering)
  poppler-utils qpdf                # pdftotext, pdfinfo, pdffonts, pdftoppm, qpdf: PDF checks in tests
  chromium                          # the browser the web edition is tested in (playwright-core drives it; no browser download)
)

missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages: reinstall only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || ! node -e "require('canvas')" >/dev/null 2>&1; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi

npm run --silent build
