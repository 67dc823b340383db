#!/usr/bin/env bash
# Install the Debian packages the test suite needs (Xvfb, Mesa's llvmpipe, the
# X/EGL libraries Qt's xcb platform loads), only those that are missing, so a
# warm machine spends no time here. Needs root or sudo when something is missing.
set -euo pipefail
packages=(xvfb xauth libgl1-mesa-dri libegl1 libgl1 libglx-mesa0 libegl-mesa0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1 libfontconfig1 libdbus-1-3)
command -v dpkg-query >/dev/null || { echo "not a Debian system: install ${packages[*]} yourself"; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
