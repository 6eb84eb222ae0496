#!/usr/bin/env bash
# Builds the LogMaster appliance image: a minimal Debian root file system (debootstrap minbase,
# from the Debian mirror this machine's apt uses) with systemd as init, networking by DHCP
# (systemd-networkd), and the logmaster-collector package installed with its dependencies and
# enabled. Writes the root tree and a tarball of it, and prints both sizes.
#
#   appliance-image/build-image.sh [--deb FILE] [--output DIR] [--kernel]
#     --deb FILE    the package (default: the newest appliance-image/target/logmaster-collector_*.deb;
#                   `./mvnw -pl appliance-image -am package -DskipTests` builds it)
#     --output DIR  default appliance-image/target/image: rootfs/ and logmaster-appliance-<suite>.tar.gz
#     --boot-check  then boot a copy of the image with systemd-nspawn (package systemd-container) and
#                   wait until the enabled service reports "collector ready" under systemd, with
#                   the unit's sandbox: first-init, keys, listeners on 514/6514/6515
#     --kernel      also install Debian's kernel (linux-image-<arch>) for a VM or disk image; without
#                   it the tree suits containers (systemd-nspawn) and hosts that bring the kernel
#
# The image holds no secret shared by its clones: the index, the keys and the first administrator
# are created on each machine's first start (the unit's ExecStartPre runs first-init), and
# /etc/machine-id is empty so systemd makes a new one at first boot. The root account is locked:
# log in with `systemd-nspawn`/a console and set one, or add your provisioning (cloud-init, ssh keys).
# Needs root (chroot, mounts) and the network to the mirror.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
deb="" out="$HERE/target/image" kernel=no boot_check=no inside=no
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) deb=$2; shift 2 ;;
    --output) out=$2; shift 2 ;;
    --kernel) kernel=yes; shift ;;
    --boot-check) boot_check=yes; shift ;;
    --inside-mount-namespace) inside=yes; shift ;;
    *) echo "build-image.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "build-image.sh: needs root (chroot and mounts)" >&2; exit 1; }
if [ -z "$deb" ]; then
  deb=$(ls -t "$HERE"/target/logmaster-collector_*.deb 2>/dev/null | grep -v upgradetest | head -n 1 || true)
fi
[ -f "$deb" ] || { echo "build-image.sh: no package; build it: ./mvnw -pl appliance-image -am package -DskipTests" >&2; exit 1; }
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
mkdir -p "$out"
out=$(cd "$out" && pwd)

source "$HERE/lib/debian-root.sh"
suite=$(debian_suite)
if [ "$inside" = no ]; then
  started=$(date +%s)
  tarball=$(debian_root_tarball)
  # a private mount namespace: /proc, /sys and /dev/pts of the chroot go away with it
  APPLIANCE_IMAGE_STARTED=$started APPLIANCE_ROOT_TARBALL=$tarball \
    exec unshare --mount --propagation private --fork -- "$0" --inside-mount-namespace \
      --deb "$deb" --output "$out" $([ "$kernel" = yes ] && echo --kernel) $([ "$boot_check" = yes ] && echo --boot-check)
fi

root="$out/rootfs"
rm -rf "$root"
mkdir -p "$root"
tar --numeric-owner -C "$root" -xzf "$APPLIANCE_ROOT_TARBALL"
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount -t devpts devpts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# no service starts inside the build
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"
cp "$deb" "$root/tmp/"
# an appliance has no reader for manuals and translations: dpkg leaves them out from now on (the
# copyright files stay), and the ones minbase brought are removed below
cat > "$root/etc/dpkg/dpkg.cfg.d/01-logmaster-appliance" <<'CFG'
path-exclude=/usr/share/man/*
path-exclude=/usr/share/locale/*
path-include=/usr/share/locale/locale.alias
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-include=/usr/share/doc/logmaster-collector/*
CFG

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
packages=(systemd-sysv iproute2 ca-certificates "/tmp/$(basename "$deb")")
[ "$kernel" = yes ] && packages+=("linux-image-$(dpkg --print-architecture)")
echo "build-image.sh: installing ${packages[*]} into a $suite minbase root"
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends "${packages[@]}" > "$out/apt.log" 2>&1 \
  || { tail -n 30 "$out/apt.log" >&2; exit 1; }

# the appliance's own settings
echo logmaster > "$root/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tlogmaster\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$root/etc/hosts"
printf '[Match]\nName=en* eth*\n\n[Network]\nDHCP=yes\n' > "$root/etc/systemd/network/80-dhcp.network"
in_root systemctl enable systemd-networkd.service >/dev/null 2>&1
[ -L "$root/etc/systemd/system/multi-user.target.wants/logmaster-collector.service" ] \
  || { echo "build-image.sh: logmaster-collector.service is not enabled" >&2; exit 1; }
in_root systemd-analyze verify /lib/systemd/system/logmaster-collector.service \
  || { echo "build-image.sh: systemd-analyze rejects the unit" >&2; exit 1; }

# nothing machine-specific or secret: first-init creates index, keys and administrator per machine
find "$root/var/lib/logmaster" -mindepth 1 -delete
: > "$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id" "$root/usr/sbin/policy-rc.d" "$root/tmp/$(basename "$deb")" "$root/etc/resolv.conf"
find "$root/usr/share/man" "$root/usr/share/locale" -mindepth 1 -not -name locale.alias -type f -delete
find "$root/usr/share/doc" -type f -not -name copyright -not -path '*/logmaster-collector/*' -delete
find "$root/usr/share/man" "$root/usr/share/locale" "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
in_root apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/log/apt/* "$root"/var/cache/debconf/*-old
umount "$root/dev/pts" "$root/sys" "$root/proc"

image="$out/logmaster-appliance-$suite-$(dpkg --print-architecture).tar.gz"
tar --numeric-owner -C "$root" -czf "$image" .
unpacked=$(du -sh "$root" | cut -f1)
packed=$(du -h "$image" | cut -f1)
{
  echo "image: $image"
  echo "package: $(basename "$deb")"
  echo "tarball (gzip): $packed ($(stat -c %s "$image") bytes)"
  echo "unpacked root: $unpacked ($(du -sk "$root" | cut -f1) KiB)"
  echo "collector package installed: $(du -sh "$root/usr/lib/logmaster" | cut -f1)"
  echo "packages: $(in_root dpkg-query -W -f='.\n' | wc -l)"
  echo "kernel: $kernel"
  echo "built in: $(( $(date +%s) - APPLIANCE_IMAGE_STARTED )) s"
} | tee "$out/image-size.txt"

[ "$boot_check" = yes ] || exit 0
# --- boot check: the image as it is, under systemd, without a network (only its own loopback) ---
command -v systemd-nspawn >/dev/null || { echo "build-image.sh: --boot-check needs systemd-nspawn (systemd-container)" >&2; exit 1; }
boot="$out/boot-check"
rm -rf "$boot"
mkdir -p "$boot"
tar --numeric-owner -C "$boot" -xzf "$image"
mkdir -p "$boot/var/log/journal"        # a persistent journal this script can read from outside
booted=$(date +%s)
timeout 300 systemd-nspawn -D "$boot" --boot --private-network --register=no --keep-unit --console=passive \
  > "$out/boot-check.log" 2>&1 &
nspawn=$!
journal() { journalctl -D "$boot/var/log/journal" --no-pager -o cat 2>/dev/null; }
ready=no
for _ in $(seq 1 180); do
  journal | grep -q '^collector ready$' && { ready=yes; break; }
  kill -0 "$nspawn" 2>/dev/null || break
  sleep 1
done
journal | grep -E '^(listening: |collector ready|logmaster-collector: )' | sed 's/^/   | /'
kill -TERM "$nspawn" 2>/dev/null || true   # the container powers off; the collector stops gracefully
wait "$nspawn" || true
[ "$ready" = yes ] || { journal | tail -n 40 >&2; echo "build-image.sh: boot check FAILED: no 'collector ready'" >&2; exit 1; }
journal | grep -q '^listening: tcp 0.0.0.0:514$' || { echo "build-image.sh: boot check FAILED: not on 514/tcp" >&2; exit 1; }
[ -s "$boot/var/lib/logmaster/initial-admin-password" ] || { echo "build-image.sh: boot check FAILED: no first administrator" >&2; exit 1; }
echo "boot check: booted, first-init ran and the service was ready in $(( $(date +%s) - booted )) s" | tee -a "$out/image-size.txt"
rm -rf "$boot"
