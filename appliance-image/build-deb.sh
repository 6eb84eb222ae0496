#!/usr/bin/env bash
# Builds the Debian package logmaster-collector_<version>_<arch>.deb: a jlink-made Java runtime
# with only the modules in jlink-modules.txt, the collector's jars, a launcher, the default
# configuration as a conffile, the hardened systemd unit and the maintainer scripts (src/deb/).
# Maven runs it in the package phase (pom.xml); it works by hand too:
#   appliance-image/build-deb.sh --version 0.1.0-SNAPSHOT --lib DIR_OF_JARS --java-home JDK --work DIR
# Options:
#   --version V        the project version; Maven's "-" becomes Debian's "~" (0.1.0-SNAPSHOT ->
#                      0.1.0~SNAPSHOT, which sorts before the 0.1.0 release)
#   --version-suffix S appended to the Debian version (the appliance test builds a higher one: +upgrade1)
#   --lib DIR          the collector's jar and its runtime dependencies
#   --java-home DIR    the JDK whose jlink makes the runtime (Java 25)
#   --work DIR         build folder: runtime cache, staging tree; the .deb is written here
# The runtime is linked once and reused while the JDK and the module list stay the same, so a
# rebuild costs seconds. Needs dpkg-deb (Debian's dpkg); no root, no fakeroot (--root-owner-group).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
version="" suffix="" lib="" java_home="${JAVA_HOME:-}" work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --version-suffix) suffix=$2; shift 2 ;;
    --lib) lib=$2; shift 2 ;;
    --java-home) java_home=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "build-deb.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for v in version lib java_home work; do
  [ -n "${!v}" ] || { echo "build-deb.sh: --${v//_/-} is required" >&2; exit 2; }
done
command -v dpkg-deb >/dev/null || { echo "build-deb.sh: dpkg-deb missing (Debian package dpkg)" >&2; exit 1; }
[ -x "$java_home/bin/jlink" ] || { echo "build-deb.sh: no jlink in $java_home" >&2; exit 1; }
ls "$lib"/logmaster-collector*.jar >/dev/null 2>&1 || { echo "build-deb.sh: no logmaster-collector jar in $lib" >&2; exit 1; }

deb_version="${version//-/\~}$suffix"
arch=$(dpkg --print-architecture)
mkdir -p "$work"
work=$(cd "$work" && pwd)

# --- the Java runtime -------------------------------------------------------------------------
modules=$(grep -v -e '^#' -e '^[[:space:]]*$' "$HERE/jlink-modules.txt" | paste -sd, -)
# AWT's X11 and sound libraries: java.desktop is here for java.beans only, and without them the
# runtime needs nothing from the system but libc.
excluded='**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libjsound.so'
jlink_options=(--add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6
  --exclude-files="$excluded")
stamp=$( { "$java_home/bin/java" -version 2>&1; printf '%s\n' "${jlink_options[@]}"; } | sha256sum | cut -c1-64)
runtime="$work/runtime"
if [ "$(cat "$runtime.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "build-deb.sh: linking the runtime ($modules)"
  rm -rf "$runtime" "$runtime.stamp"
  "$java_home/bin/jlink" "${jlink_options[@]}" --output "$runtime"
  echo "$stamp" > "$runtime.stamp"
fi

# --- the file tree ----------------------------------------------------------------------------
stage="$work/deb-root"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/usr/lib/logmaster/lib" "$stage/usr/bin" "$stage/etc/logmaster" \
  "$stage/lib/systemd/system" "$stage/usr/share/doc/logmaster-collector" \
  "$stage/usr/lib/sysctl.d"
cp -a "$runtime" "$stage/usr/lib/logmaster/runtime"
cp "$lib"/*.jar "$stage/usr/lib/logmaster/lib/"
install -m 0755 "$HERE/src/deb/logmaster-collector" "$stage/usr/bin/"
install -m 0755 "$HERE/src/deb/first-init" "$stage/usr/lib/logmaster/"
install -m 0644 "$HERE/src/deb/logmaster-collector.service" "$stage/lib/systemd/system/"
install -m 0644 "$HERE/src/deb/README.Debian" "$stage/usr/share/doc/logmaster-collector/"
install -m 0644 "$HERE/src/deb/60-logmaster-collector.conf" "$stage/usr/lib/sysctl.d/"
# the conffile, from the collector's own template (the text `init` writes)
"$java_home/bin/java" -cp "$lib/*" "$HERE/src/deb/RenderDefaultConfig.java" "$stage/etc/logmaster/collector.yaml"
chmod -R u=rwX,go=rX "$stage"

install -m 0644 "$HERE/src/deb/conffiles" "$stage/DEBIAN/"
install -m 0755 "$HERE/src/deb/postinst" "$HERE/src/deb/prerm" "$HERE/src/deb/postrm" "$stage/DEBIAN/"
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$deb_version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed_kb/" \
  "$HERE/src/deb/control.in" > "$stage/DEBIAN/control"

# --- the package ------------------------------------------------------------------------------
deb="$work/logmaster-collector_${deb_version}_${arch}.deb"
# gzip: the runtime's modules file is compressed already, xz would win little and cost ~30 s
dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$deb" >/dev/null
echo "build-deb.sh: $deb ($(du -h "$deb" | cut -f1), installed $((installed_kb / 1024)) MiB)"
