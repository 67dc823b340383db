#!/usr/bin/env bash
# Prove README's two commands on a bare Debian 12: build a minimal root with debootstrap (Debian's
# packages only), add just make, git and python3, clone this repository into it, and run `make run`
# then `make test` inside it with chroot, timing each. Needs root and the debootstrap package.
#   tools/fresh-debian-check.sh [ROOT_DIR]      (default /tmp/vfx-fresh-debian; reused if present)
# With ../shared/testdata beside the repository it is bind-mounted at the same relative place, as CI has it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${1:-/tmp/vfx-fresh-debian}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
[ "$(id -u)" -eq 0 ] || { echo "needs root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "install debootstrap first: apt-get install debootstrap" >&2; exit 2; }

if [ ! -x "$root/usr/bin/python3" ]; then
  start=$(date +%s)
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
  chroot "$root" apt-get install -y -qq --no-install-recommends make git python3 ca-certificates >/dev/null
  echo "debootstrap + make git python3: $(( $(date +%s) - start )) s"
fi

mounts=()
cleanup() { for m in "${mounts[@]}"; do umount -l "$m" 2>/dev/null || true; done; }
trap cleanup EXIT
mount_bind() { mkdir -p "$2"; mount --bind "$1" "$2"; mounts=("$2" "${mounts[@]}"); }
mount -t proc proc "$root/proc"; mounts=("$root/proc" "${mounts[@]}")
mount_bind /dev "$root/dev"
mount_bind /dev/pts "$root/dev/pts"
mount_bind /dev/shm "$root/dev/shm"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A network that intercepts TLS (a site proxy) needs the host's local CA certificates and pip/SSL
# settings inside the root too; a machine on an open network needs neither.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null 2>&1
fi
passed_env=()
for v in PIP_CERT SSL_CERT_FILE REQUESTS_CA_BUNDLE http_proxy https_proxy HTTP_PROXY HTTPS_PROXY no_proxy NO_PROXY; do
  [ -n "${!v:-}" ] && passed_env+=("$v=${!v}")
done
[ -d "$repo/../shared/testdata" ] && mount_bind "$(cd "$repo/../shared" && pwd)" "$root/work/shared"

rm -rf "$root/work/vfx-rs"
mkdir -p "$root/work"
git clone -q "$repo" "$root/work/vfx-rs"
run() {
  local what="$1" start; start=$(date +%s)
  if chroot "$root" env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "${passed_env[@]}" \
      bash -c "cd /work/vfx-rs && $what" > "$root/work/$what.log" 2>&1; then
    echo "$what: passed in $(( $(date +%s) - start )) s"
  else
    echo "$what: FAILED after $(( $(date +%s) - start )) s; last lines of $root/work/$what.log:"; tail -20 "$root/work/$what.log"; return 1
  fi
}
run "make run"
test -s "$root/work/vfx-rs/out/vfxview.png" && echo "make run wrote out/vfxview.png"
run "make test"
tail -3 "$root/work/make test.log"
