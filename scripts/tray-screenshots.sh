#!/usr/bin/env bash
# Screenshots of the real tray icon on a light and a dark panel, for docs/screenshots/:
# trayer (an XEmbed tray; without a StatusNotifier host the app's indicator falls back to it)
# under Xvfb, with two nctray instances, each in its own D-Bus session and home: one signed out
# (the sign-in badge, its sign-in window hidden) and one running the demo (online). Run by hand
# after a build:
#   bash scripts/tray-screenshots.sh [path/to/nctray]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
ensure_packages xvfb xauth dbus trayer imagemagick xdotool

binary=$(realpath "${1:-target/debug/nctray}")
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work" 2>/dev/null || true' EXIT

shoot() { # theme colour
  local theme=$1 colour=$2
  cat > "$work/run.sh" <<INNER
set -e
trayer --edge top --align left --widthtype request --height 40 --SetDockType true \
  --transparent true --alpha 0 --tint $colour --padding 8 --iconspacing 12 &
sleep 2
for who in signed-out demo; do
  home="$work/\$who"; mkdir -p "\$home"
  args=""; [ "\$who" = demo ] && args="--demo"
  HOME="\$home" XDG_CONFIG_HOME="\$home/c" XDG_DATA_HOME="\$home/d" XDG_STATE_HOME="\$home/s" \
    dbus-run-session -- "$binary" \$args 2>/dev/null &
  sleep 6
done
# The signed-out one opened its sign-in window over the panel (no window manager here).
xdotool search --name "Accounts and settings" windowunmap || true
sleep 4
import -window root -crop 102x40+0+0 +repage "$out/tray-$theme.png"
INNER
  timeout 60 xvfb-run -a -s "-screen 0 800x200x24" bash "$work/run.sh" || true
  echo "wrote $out/tray-$theme.png"
}

shoot light 0xf0f0f0
shoot dark 0x2b2b2b
