# Sourced by build-image.sh and src/test/appliance-test.sh: a minimal Debian root file system
# (debootstrap --variant=minbase) from the Debian mirror this machine's apt already uses.
# Nothing here names a mirror: it is read from /etc/apt/sources.list{,.d/*} at run time.
#   LOGMASTER_DEBIAN_SUITE   suite to bootstrap (default: this machine's, e.g. bookworm)
#   LOGMASTER_DEBIAN_MIRROR  mirror URL (default: the one apt uses for that suite)
#   LOGMASTER_CACHE          where the bootstrapped root is kept as a tarball (default ~/.cache/logmaster)

debian_suite() {
  if [ -n "${LOGMASTER_DEBIAN_SUITE:-}" ]; then echo "$LOGMASTER_DEBIAN_SUITE"; return; fi
  (. /etc/os-release && echo "${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}")
}

# The first enabled "deb" source for the suite: one-line (.list) and deb822 (.sources) formats.
debian_mirror() {
  local suite=$1 f uri
  if [ -n "${LOGMASTER_DEBIAN_MIRROR:-}" ]; then echo "$LOGMASTER_DEBIAN_MIRROR"; return; fi
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri=$(sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" | awk -v s="$suite" '$1 == "deb" && $3 == s { print $2; exit }')
    [ -n "$uri" ] && { echo "$uri"; return; }
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk -v s="$suite" '
      function flush() {
        if (enabled != "no" && (" " types " ") ~ / deb / && (" " suites " ") ~ (" " s " ")) { split(uris, u, " "); print u[1]; found = 1 }
        types = uris = suites = ""; enabled = "yes"
      }
      BEGIN { enabled = "yes" }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); if (found) exit; next }
      { key = tolower($0); sub(/:.*/, "", key); val = $0; sub(/^[^:]*:[ \t]*/, "", val)
        if (key == "types") types = val; else if (key == "uris") uris = val
        else if (key == "suites") suites = val; else if (key == "enabled") enabled = tolower(val) }
      END { if (!found) flush() }' "$f")
    [ -n "$uri" ] && { echo "$uri"; return; }
  done
  echo "no apt source for suite $suite in /etc/apt/sources.list*; set LOGMASTER_DEBIAN_MIRROR" >&2
  return 1
}

# Prints the path of a gzip tarball of a fresh minbase root for the suite, bootstrapping it the
# first time (tens of seconds from a near mirror) and reusing it afterwards. A lock keeps two
# builds from bootstrapping at once.
debian_root_tarball() {
  local suite arch cache tarball mirror tmp started
  suite=$(debian_suite) || return 1
  arch=$(dpkg --print-architecture)
  cache="${LOGMASTER_CACHE:-$HOME/.cache/logmaster}"
  tarball="$cache/debian-$suite-$arch-minbase.tar.gz"
  mkdir -p "$cache"
  (
    flock 9
    [ -s "$tarball" ] && exit 0
    command -v debootstrap >/dev/null || { echo "debootstrap missing (Debian package debootstrap)" >&2; exit 1; }
    mirror=$(debian_mirror "$suite") || exit 1
    tmp=$(mktemp -d "$cache/bootstrap.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    started=$(date +%s)
    echo "debootstrap --variant=minbase $suite from $mirror (once; cached as $tarball)" >&2
    debootstrap --variant=minbase "$suite" "$tmp/root" "$mirror" > "$tmp/debootstrap.log" 2>&1 \
      || { tail -n 20 "$tmp/debootstrap.log" >&2; exit 1; }
    tar --numeric-owner -C "$tmp/root" -czf "$tmp/root.tar.gz" .
    mv "$tmp/root.tar.gz" "$tarball"
    echo "debootstrap took $(( $(date +%s) - started )) s" >&2
  ) 9> "$cache/.debian-root.lock" || return 1
  echo "$tarball"
}
