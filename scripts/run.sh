#!/usr/bin/env bash
# Installs what is missing (Debian/Ubuntu packages, with apt-get) and starts nctray.
# Without a configured account nctray runs in demo mode against its built-in simulated server.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential pkg-config libwebkit2gtk-4.1-dev libayatana-appindicator3-dev libdbus-1-dev)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

echo "==> building nctray (release)"
cargo build --release -p nctray
echo "==> starting nctray (look for its icon in the system tray)"
exec target/release/nctray "$@"
