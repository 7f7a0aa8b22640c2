#!/usr/bin/env bash
# Builds the packages (scripts/package.sh), installs the .deb on this machine with apt-get and
# checks it as a distribution would (desktop-file-validate, appstreamcli, lintian, the man
# page), runs the installed /usr/bin/nctray under Xvfb with a private D-Bus session (the
# end-to-end harness, NCTRAY_BIN=/usr/bin/nctray), purges it and checks nothing is left; then
# lists the .rpm. Needs root (apt-get); CI runs it after scripts/test.sh, which built the
# end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
started=$SECONDS
trap 'echo "==> package checks FAILED after $((SECONDS - started)) s" >&2' ERR

ensure_packages lintian desktop-file-utils appstream rpm man-db xvfb xauth dbus gnome-keyring

bash scripts/package.sh
bundle="${CARGO_TARGET_DIR:-target}/release/bundle"
deb=$(ls "$bundle"/deb/nctray_*.deb)
rpm=$(ls "$bundle"/rpm/nctray-*.rpm)

step "sizes"
du -k "$deb" "$rpm"
dpkg-deb --info "$deb" | sed -n 's/^ *\(Installed-Size\|Depends\|Recommends\):/  \1:/p'

# Nothing of an earlier run may hide what this package installs.
if dpkg -s nctray >/dev/null 2>&1; then
  apt-get purge -y -qq nctray
fi

step "apt-get install ./$(basename "$deb")"
installed_at=$SECONDS
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb"
echo "installed in $((SECONDS - installed_at)) s"
dpkg -L nctray > target/package/installed-files.txt

step "desktop-file-validate, appstreamcli validate, lintian"
desktop-file-validate /usr/share/applications/nctray.desktop
appstreamcli validate --no-net /usr/share/metainfo/org.nctray.Nctray.metainfo.xml
lintian --fail-on error "$deb"

step "the man page renders"
MANWIDTH=80 man -l /usr/share/man/man1/nctray.1.gz | grep -q "nctray"
MANWIDTH=80 man -l /usr/share/man/man1/nctray-status.1.gz | grep -q "status"
for file in /usr/share/bash-completion/completions/nctray /usr/share/zsh/vendor-completions/_nctray \
  /usr/share/fish/vendor_completions.d/nctray.fish /usr/share/doc/nctray/copyright \
  /usr/share/doc/nctray/LICENSE /usr/share/icons/hicolor/16x16/apps/nctray.png \
  /usr/share/icons/hicolor/512x512/apps/nctray.png; do
  test -s "$file" || { echo "missing from the package: $file" >&2; exit 1; }
done

step "the installed /usr/bin/nctray"
/usr/bin/nctray --version
# The tray on a private D-Bus, "Try the demo" from its menu and the demo's popup; start at login
# writes an entry that starts /usr/bin/nctray (the end-to-end harness with the installed binary).
NCTRAY_BIN=/usr/bin/nctray xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test -p nctray-e2e --test first_run --test window_accounts -- \
  the_signed_out_tray_offers_sign_in_and_the_demo_on_request \
  a_first_start_opens_the_sign_in_window_and_pops_up_nothing \
  settings_are_saved_in_the_config_file_and_shown_light_and_dark

step "apt-get purge leaves nothing in /usr"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq nctray
left=$(grep '^/usr/' target/package/installed-files.txt | while read -r path; do
  if [ -f "$path" ] || [ -L "$path" ]; then echo "$path"; fi
done)
left+=$(find /usr -xdev \( -name '*nctray*' -o -name 'org.nctray.*' \) 2>/dev/null || true)
if [ -n "$left" ]; then
  echo "left behind after purge:" >&2
  echo "$left" >&2
  exit 1
fi

step "the .rpm's file list"
rpm -qlp "$rpm" > target/package/rpm-files.txt
for file in /usr/bin/nctray /usr/share/applications/nctray.desktop \
  /usr/share/metainfo/org.nctray.Nctray.metainfo.xml /usr/share/man/man1/nctray.1.gz \
  /usr/share/licenses/nctray/LICENSE /usr/share/icons/hicolor/48x48/apps/nctray.png \
  /usr/share/bash-completion/completions/nctray; do
  grep -qx "$file" target/package/rpm-files.txt || { echo "the .rpm lacks $file" >&2; exit 1; }
done
rpm -qp --requires "$rpm" | grep -q "libwebkit2gtk-4.1"

step "package checks passed in $((SECONDS - started)) s"
