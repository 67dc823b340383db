#!/usr/bin/env bash
# Install the Debian packages of tools/debian-packages.txt that are missing, so a warm machine
# spends no time here. Needs root or sudo when something is missing.
#   install-debian-deps.sh venv   python3-venv, only where $PYTHON cannot make a venv (Debian's python3)
#   install-debian-deps.sh run    venv + the viewer's libraries + Xvfb when no display is set
#   install-debian-deps.sh test   venv + the viewer's libraries + Xvfb (the GL tests always need it) + test tools
set -euo pipefail
mode="${1:-test}"
list="$(dirname "$0")/debian-packages.txt"
python="${PYTHON:-python3}"
command -v dpkg-query >/dev/null || { echo "not a Debian system: install the packages of $list yourself"; exit 0; }

groups=()
"$python" -c "import ensurepip" 2>/dev/null || groups+=(venv)
case "$mode" in
  venv) ;;
  run) groups+=(app); [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || groups+=(headless) ;;
  test) groups+=(app headless test) ;;
  *) echo "usage: $0 venv|run|test" >&2; exit 2 ;;
esac

missing=()
for g in "${groups[@]}"; do
  while read -r group pkg; do
    [ "$group" = "$g" ] || continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done < <(grep -v '^#' "$list")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root to install: ${missing[*]} (run as root or install sudo)" >&2; exit 1; }
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
