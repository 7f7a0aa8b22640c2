#!/usr/bin/env bash
# Builds nctray's Linux packages, a .deb and an .rpm, into target/release/bundle/{deb,rpm}/:
# the two release binaries, /usr/bin/nctray (the daemon: tray, accounts, command line; what the
# desktop entry and the autostart run) and /usr/bin/nctray-windows (the windows, which the
# daemon starts), the man pages and shell completions (generated from the command line's
# definition), the icons (rendered from icons/nctray.svg), the desktop entry, AppStream
# metainfo and licence. Tauri's bundler (tauri-cli, pinned in ui/package-lock.json) makes the
# packages; packaging/tauri.bundle.json is its configuration on top of tauri.conf.json, merged
# into a src-tauri/tauri.conf.json that lives only while the bundler runs
# (packaging/bundle-config.mjs says why). The bundler packages src-tauri's crate, the window
# process, as its main binary (mainBinaryName) and would name the icons after it: the daemon,
# staged at target/package/bin/nctray (tauri.bundle.json's paths cannot follow
# CARGO_TARGET_DIR), and the icons go in as the package's own files instead.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
started=$SECONDS

ensure_packages "${BUILD_PACKAGES[@]}" librsvg2-bin
build_ui

stage=target/package
rm -rf "$stage"
mkdir -p "$stage"

step "icons: hicolor 16–512 px from icons/nctray.svg"
bash scripts/icons.sh --hicolor "$stage/icons" >/dev/null

step "cargo build --release -p nctray -p nctray-windows -p nctray-sim (the demo's server)"
cargo build --release -p nctray -p nctray-windows -p nctray-sim --bins
binary="${CARGO_TARGET_DIR:-target}/release/nctray"
mkdir -p "$stage/bin"
cp "$binary" "$stage/bin/nctray"
cp "${CARGO_TARGET_DIR:-target}/release/nctray-demo-server" "$stage/bin/nctray-demo-server"

step "man pages and shell completions from the command line's definition"
"$binary" --generate-docs "$stage"
# Debian keeps manual pages compressed; -n leaves no time stamp, so builds are reproducible.
gzip -9n "$stage"/man/*.1

step "tauri bundle: .deb and .rpm"
node packaging/bundle-config.mjs
trap 'rm -f src-tauri/tauri.conf.json' EXIT
(cd src-tauri && ../ui/node_modules/.bin/tauri bundle --bundles deb,rpm)

bundle="${CARGO_TARGET_DIR:-target}/release/bundle"
step "packages built in $((SECONDS - started)) s"
ls -l "$bundle"/deb/*.deb "$bundle"/rpm/*.rpm
