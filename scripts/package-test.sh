#!/usr/bin/env bash
# Builds the packages (scripts/package.sh), installs the .deb on this machine with apt-get and
# checks it as a distribution would (desktop-file-validate, appstreamcli, lintian, the man
# page), checks both binaries are installed (/usr/bin/nctray, the daemon, and
# /usr/bin/nctray-windows, the windows), runs the installed app under Xvfb with a private D-Bus
# session (the end-to-end harness, NCTRAY_BIN=/usr/bin/nctray; the windows are taken from
# beside it), purges it and checks nothing is left; then lists the .rpm. Needs root (apt-get); CI runs it after scripts/test.sh, which built the
# end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
started=$SECONDS
trap 'echo "==> package checks FAILED after $((SECONDS - started)) s" >&2' ERR

ensure_packages lintian desktop-file-utils appstream rpm man-db xvfb xauth dbus gnome-keyring

bash scripts/package.sh
bundle="${CARGO_TARGET_DIR:-target}/release/bundle"
# Absolute: apt-get takes a file for a package only by a path, and CARGO_TARGET_DIR may be one.
deb=$(realpath "$(ls "$bundle"/deb/nctray_*.deb)")
rpm=$(realpath "$(ls "$bundle"/rpm/nctray-*.rpm)")

step "sizes"
du -k "$deb" "$rpm"
dpkg-deb --info "$deb" | sed -n 's/^ *\(Installed-Size\|Depends\|Recommends\):/  \1:/p'
# The daemon's tray speaks D-Bus itself: nothing may pull in the old indicator library.
if dpkg-deb -f "$deb" Depends | grep -q ayatana; then
  echo "the .deb still depends on libayatana-appindicator: $(dpkg-deb -f "$deb" Depends)" >&2
  exit 1
fi

step "both binaries are in the .deb, executable"
dpkg-deb -c "$deb" | tee target/package/deb-contents.txt | grep -E ' (\./)?usr/bin/'
for bin in nctray nctray-windows nctray-demo-server; do
  grep -Eq "^-rwxr-xr-x .* (\./)?usr/bin/$bin\$" target/package/deb-contents.txt \
    || { echo "the .deb lacks an executable /usr/bin/$bin" >&2; exit 1; }
done

# Nothing of an earlier run may hide what this package installs.
if dpkg -s nctray >/dev/null 2>&1; then
  apt-get purge -y -qq nctray
fi

step "apt-get install $(basename "$deb")"
installed_at=$SECONDS
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb"
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

step "the installed /usr/bin/nctray and /usr/bin/nctray-windows"
/usr/bin/nctray --version
test -x /usr/bin/nctray-windows || { echo "/usr/bin/nctray-windows is not installed" >&2; exit 1; }
grep -qx /usr/bin/nctray-windows target/package/installed-files.txt
# The tray on a private D-Bus, "Try the demo" from its menu and the demo's popup; the daemon's
# first start shows the sign-in window in /usr/bin/nctray-windows; start at login writes an
# entry that starts /usr/bin/nctray; the installed daemon links no WebKit (the end-to-end
# harness with the installed binaries).
NCTRAY_BIN=/usr/bin/nctray xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test -p nctray-e2e --test first_run --test window_accounts --test daemon -- \
  the_signed_out_tray_offers_sign_in_and_the_demo_on_request \
  a_first_start_opens_the_sign_in_window_and_pops_up_nothing \
  a_first_start_of_the_daemon_shows_the_sign_in_window \
  settings_are_saved_in_the_config_file_and_shown_light_and_dark \
  the_daemon_links_no_webkit_and_no_gtk \
  a_second_nctray_hands_over_and_exits

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
for file in /usr/bin/nctray /usr/bin/nctray-windows /usr/bin/nctray-demo-server \
  /usr/share/applications/nctray.desktop \
  /usr/share/metainfo/org.nctray.Nctray.metainfo.xml /usr/share/man/man1/nctray.1.gz \
  /usr/share/licenses/nctray/LICENSE /usr/share/icons/hicolor/48x48/apps/nctray.png \
  /usr/share/bash-completion/completions/nctray; do
  grep -qx "$file" target/package/rpm-files.txt || { echo "the .rpm lacks $file" >&2; exit 1; }
done
rpm -qp --requires "$rpm" | grep -q "libwebkit2gtk-4.1"
if rpm -qp --requires "$rpm" | grep -q ayatana; then
  echo "the .rpm still requires libayatana-appindicator" >&2
  exit 1
fi
rpm -qlvp "$rpm" | grep -Eq '^-rwxr-xr-x .* /usr/bin/nctray$'
rpm -qlvp "$rpm" | grep -Eq '^-rwxr-xr-x .* /usr/bin/nctray-windows$'
rpm -qlvp "$rpm" | grep -Eq '^-rwxr-xr-x .* /usr/bin/nctray-demo-server$'

step "package checks passed in $((SECONDS - started)) s"
