# Shared by scripts/run.sh and scripts/test.sh: system packages and the windows' front end.

step() { printf '\n==> %s\n' "$*"; }

# Installs the Debian/Ubuntu packages of "$@" that are missing (apt-get, as root or by sudo).
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    step "system packages: all present"
    return
  fi
  step "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

# Packages needed to build the app: WebKitGTK for the window process; the daemon's tray speaks
# D-Bus itself (no libayatana-appindicator); libdbus for the keyring.
BUILD_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev libdbus-1-dev)

# Builds ui/dist, which the binary embeds (tauri.conf.json: frontendDist). Vite 8 needs
# Node.js 20.19 or newer; a machine without node gets Debian's.
build_ui() {
  if ! command -v npm >/dev/null 2>&1; then
    ensure_packages nodejs npm
  fi
  step "front end: npm ci && npm run build (ui/)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
}
