#!/usr/bin/env bash
# Runs every test of the workspace, headless, on Debian 12 / Ubuntu with Rust installed:
# installs the missing system packages, then fmt, clippy, build, and all tests under Xvfb.
# The end-to-end tests (tests/) give each test its own D-Bus session bus, gnome-keyring and
# recording notification server; nothing here depends on a daemon of the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/common.sh
started=$SECONDS
trap 'echo "==> FAILED after $((SECONDS - started)) s" >&2' ERR

# fonts-droid-fallback and fonts-dejavu-core: Japanese and Arabic glyphs for the window tests;
# binutils: readelf, which reads the daemon's linked libraries (tests/tests/daemon.rs).
ensure_packages "${BUILD_PACKAGES[@]}" \
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools webkit2gtk-driver \
  fonts-noto-color-emoji tinyproxy x11-utils tzdata \
  fonts-droid-fallback fonts-dejavu-core binutils

for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    step "adding the Rust component $component"
    rustup component add "$component"
  fi
done

# The window tests drive the real webview: tauri-driver in front of Debian's WebKitWebDriver.
if ! cargo install --list | grep -q '^tauri-driver v2.1.0:'; then
  step "installing tauri-driver 2.1.0 (cargo install)"
  cargo install tauri-driver --version 2.1.0 --locked
fi

build_ui
step "front end: type check and component tests (vitest)"
(cd ui && npm run --silent check && npm test --silent)

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo build (the end-to-end tests run the built target/debug/nctray and nctray-windows)"
cargo build --workspace --all-targets

step "cargo test, under Xvfb (every test binary runs; the script fails if any test failed)"
# Backtraces for panics, not for every anyhow error a failing test returns.
RUST_BACKTRACE=1 RUST_LIB_BACKTRACE=0 xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace --no-fail-fast

step "all tests passed in $((SECONDS - started)) s"
