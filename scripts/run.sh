#!/usr/bin/env bash
# Installs what is missing (Debian/Ubuntu packages, with apt-get), builds the front end and
# starts nctray. Without a configured account nctray runs in demo mode against its built-in
# simulated server. Arguments go to nctray (e.g. `--window chat`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh

ensure_packages "${BUILD_PACKAGES[@]}"
build_ui
step "building nctray, its windows (nctray-windows) and the demo's server (release)"
cargo build --release -p nctray -p nctray-windows -p nctray-sim --bins
step "starting nctray (look for its icon in the system tray)"
exec "${CARGO_TARGET_DIR:-target}/release/nctray" "$@"
