#!/usr/bin/env bash
# Screenshots of the real tray icon on a light and a dark panel, for docs/screenshots/
# (tray-light.png, tray-dark.png): the icon as the daemon's StatusNotifierItem gives it to a
# panel, signed out (the sign-in badge) and running the demo (online), drawn at a panel's icon
# size (tests/src/bin/tray-screenshots.rs). Run by hand after a build; NCTRAY_BIN names another
# build of the daemon:
#   cargo build -p nctray -p nctray-windows && bash scripts/tray-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
ensure_packages xvfb xauth dbus gnome-keyring

xvfb-run -a -s "-screen 0 1280x800x24" cargo run -q -p nctray-e2e --bin tray-screenshots
