# Sourced by ./dev before running Trunk: puts the wasm tools on PATH and, on
# the Debian route, points cargo at Debian's rustc-web with build-std and the
# lld-19 linker. Only the wasm target is affected; DOSSIER_NATIVE_PATH keeps
# the native PATH for the post-build step, which runs the native CLI.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOSSIER_NATIVE_PATH="$HOME/.cargo/bin:$PATH"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "$("$root/tools/route.sh")" = debian ]; then
  export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19
  # Debian's cargo first, so Trunk's `cargo build` uses the toolchain that
  # has the wasm32 standard library sources.
  export PATH="$root/tools/node_modules/.bin:/usr/bin:$PATH"
fi
