#!/usr/bin/env bash
# Prints how this machine builds wasm: `normal` when rustup has the
# wasm32-unknown-unknown target, otherwise `debian` (see tools/setup.sh).
if command -v rustup >/dev/null 2>&1 &&
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo normal
else
  echo debian
fi
