#!/usr/bin/env bash
# Installs everything building and testing Dossier needs that this machine
# lacks, and nothing it already has: a second run on a ready machine takes
# seconds. Downloads come only from package registries (Debian, crates.io,
# npm). Prints which route it takes to build wasm:
#   normal  rustup has the wasm32-unknown-unknown target (a usual laptop)
#   debian  no such target (these machines: `rustup target add` cannot reach
#           its servers); Debian's rustc-web builds the standard library for
#           wasm32 from source (build-std) and lld-19 links it.
#
# Usage: tools/setup.sh [--browsers]   (--browsers: also what the browser
# tests need: Debian's Chromium and Firefox ESR)
set -euo pipefail
cd "$(dirname "$0")/.."
browsers=false
[ "${1:-}" = "--browsers" ] && browsers=true

WASM_BINDGEN_VERSION=0.2.130 # must equal the `wasm-bindgen` pin in Cargo.toml
TRUNK_VERSION=0.21.14        # 0.22 needs a newer rustc than Debian's rustc-web
say() { echo "setup: $*" >&2; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

route="$(tools/route.sh)"
say "wasm route: $route"

# --- Debian packages -------------------------------------------------------
packages=()
if [ "$browsers" = true ]; then packages+=(chromium firefox-esr); fi
if [ "$route" = debian ]; then packages+=(rustc-web cargo-web rust-web-src lld-19); fi
command -v node >/dev/null || packages+=(nodejs npm)
command -v cargo >/dev/null || packages+=(cargo)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- cargo-installed tools (pinned) ---------------------------------------
export PATH="$HOME/.cargo/bin:$PATH"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # No --locked: its lock file names a crate version the registry no longer has.
  cargo install --quiet --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (5-15 minutes)"
  cargo install --quiet --force trunk --version "$TRUNK_VERSION" --locked
fi

# --- npm tools (pinned by tools/package-lock.json) -------------------------
stamp=tools/node_modules/.dossier-lock
if ! cmp -s tools/package-lock.json "$stamp" 2>/dev/null; then
  say "installing npm tools (binaryen's wasm-opt, playwright-core, puppeteer-core)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp tools/package-lock.json "$stamp"
fi

say "ready"
