#!/usr/bin/env bash
# Trunk post_build hook: ingests the bundled corpus (corpus/articles) and
# completes Trunk's output in $TRUNK_STAGING_DIR as a site that opens from
# file:// as well as over http (see crates/cli/src/site.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TRUNK_STAGING_DIR:?this script is run by trunk as a post_build hook}"
# Trunk's environment is set up for the wasm build; the CLI is native.
if [ -n "${DOSSIER_NATIVE_PATH:-}" ]; then export PATH="$DOSSIER_NATIVE_PATH"; fi
unset RUSTC RUSTDOC RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_BUILD_TARGET
cargo run --quiet -p dossier-cli -- build corpus/articles \
  --out "$TRUNK_STAGING_DIR" --app "$TRUNK_STAGING_DIR"
