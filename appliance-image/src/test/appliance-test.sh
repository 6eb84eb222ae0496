#!/usr/bin/env bash
# The appliance test: the Debian package, installed as an operator installs it.
#
#  1. the runtime's module list still covers what the collector needs (jdeps);
#  2. a fresh Debian root (minbase, from the cached tarball of lib/debian-root.sh) gets the package
#     with dpkg: service user, folders and owners, conffile, root-only first administrator
#     password, unit enabled;
#  3. the collector starts from the installed runtime as the service user without root, with only
#     CAP_NET_BIND_SERVICE (as the unit's AmbientCapabilities gives it), on port 514;
#  4. syslog sent with util-linux `logger` (UDP and TCP) and over TLS (openssl) is in the daily
#     file and found by the `search` command; the gRPC API answers over TLS with ALPN h2, and the
#     documented Python client logs in with the first administrator's password (Argon2) when
#     Debian's python3-grpcio is there;
#  5. an upgrade to a rebuilt package with a higher version keeps every message, the keys, the
#     operator's edit of the conffile and the password file, and the collector runs on;
#  6. purge removes the package's files and configuration and keeps the data; purge with
#     LOGMASTER_PURGE_DATA=yes deletes the data and the user.
# Any mismatch fails (exit 1) with the collector's output. Everything runs in a private network
# namespace (its own loopback, so 514 cannot clash with another test or a syslog daemon on this
# machine) and a private mount namespace (the root's /proc goes away with it).
#
# Needs root (chroot, namespaces, dpkg in a foreign root). Without it the test is skipped with a
# message, unless CI is set: then it fails.
#
# Usage (Maven's integration-test phase runs it, see ../../pom.xml):
#   appliance-test.sh --version 0.1.0-SNAPSHOT --lib DIR_OF_JARS --java-home JDK --work TARGET_DIR
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/../.." && pwd)
REPO=$(cd "$MODULE/.." && pwd)

version="" lib="" java_home="" work="" inside=no
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --lib) lib=$2; shift 2 ;;
    --java-home) java_home=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --inside-namespaces) inside=yes; shift ;;
    *) echo "appliance-test.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
started=${APPLIANCE_TEST_STARTED:-$(date +%s)}
export APPLIANCE_TEST_STARTED=$started

say() { echo "== appliance test: $*"; }
fail() {
  echo "APPLIANCE TEST FAILED: $*" >&2
  for f in "$work"/it-collector-*.log; do
    [ -f "$f" ] && { echo "--- $f (last 40 lines)" >&2; tail -n 40 "$f" >&2; }
  done
  exit 1
}
skip() {
  if [ -n "${CI:-}" ]; then fail "$* (CI is set, so this is a failure, not a skip)"; fi
  echo "== appliance test SKIPPED: $*"
  exit 0
}

# --- outside the namespaces: preconditions, jdeps, the namespaces themselves --------------------
if [ "$inside" = no ]; then
  [ "$(id -u)" -eq 0 ] || skip "needs root (chroot, network namespace, dpkg into a Debian root); run as root or in CI"
  for tool in chroot unshare dpkg-deb logger openssl flock; do
    command -v "$tool" >/dev/null || skip "$tool is missing"
  done
  unshare --net --mount true 2>/dev/null || skip "cannot create network and mount namespaces here"

  # jdeps over the collector's runtime class path: every module it names must be in the list.
  needed=$("$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 \
      --class-path "$lib/*" "$lib"/logmaster-collector*.jar | tr ',' '\n')
  listed=$(grep -v -e '^#' -e '^[[:space:]]*$' "$MODULE/jlink-modules.txt")
  missing=$(comm -23 <(sort <<<"$needed") <(sort <<<"$listed"))
  [ -z "$missing" ] || fail "the collector needs modules missing from jlink-modules.txt: $missing"
  say "jlink-modules.txt covers jdeps' list ($(paste -sd' ' <<<"$needed"))"

  source "$MODULE/lib/debian-root.sh"
  before=$(date +%s)
  tarball=$(debian_root_tarball) || fail "no Debian root tarball (debootstrap failed, see above)"
  say "Debian root: $tarball ($(( $(date +%s) - before )) s to get it)"
  export APPLIANCE_ROOT_TARBALL=$tarball
  exec unshare --net --mount --propagation private --fork -- "$0" --inside-namespaces \
    --version "$version" --lib "$lib" --java-home "$java_home" --work "$work"
fi

# --- inside: private loopback and mounts --------------------------------------------------------
ip link set lo up
ROOT="$work/it-root"
rm -rf "$ROOT"
mkdir -p "$ROOT"
tar --numeric-owner -C "$ROOT" -xzf "$APPLIANCE_ROOT_TARBALL"
mount -t proc proc "$ROOT/proc"
rm -f "$work"/it-collector-*.log

deb_version="${version//-/\~}"
arch=$(dpkg --print-architecture)
deb="$work/logmaster-collector_${deb_version}_${arch}.deb"
[ -f "$deb" ] || fail "the package $deb was not built"
DATA="$ROOT/var/lib/logmaster"
CONFIG="$ROOT/etc/logmaster/collector.yaml"
MARK="appliance-test-$$-$(date +%s)"

in_root() { chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
# As systemd runs the unit: user logmaster, the one capability (ambient, so the JVM keeps it),
# nothing else in the bounding set, no new privileges, umask 0027.
# Every step execs the next, so a background start's $! ends up as the JVM's own pid.
AS_SERVICE=(chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/var/lib/logmaster
  setpriv --reuid=logmaster --regid=logmaster --init-groups
    --inh-caps=-all,+net_bind_service --ambient-caps=-all,+net_bind_service
    --bounding-set=-all,+net_bind_service --no-new-privs
  sh -c 'umask 0027; cd /; exec "$@"' sh)
as_service() { "${AS_SERVICE[@]}" "$@"; }
mode_owner() { in_root stat -c '%a %U:%G' "${1#"$ROOT"}"; } # names as the root's own passwd knows them
expect_eq() { [ "$2" = "$3" ] || fail "$1: expected '$3', was '$2'"; }
wait_for() { # seconds description command...: polls the command until it succeeds
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" && return 0; sleep 0.25; done
  fail "$what (waited $seconds s)"
}

collector_pid=""
# a failing check must not leave the collector running
trap 'if [ -n "$collector_pid" ]; then kill -KILL "$collector_pid" 2>/dev/null || true; fi' EXIT
start_collector() { # $1: log name
  local log="$work/it-collector-$1.log"
  "${AS_SERVICE[@]}" /usr/bin/logmaster-collector run --config /etc/logmaster/collector.yaml > "$log" 2>&1 &
  collector_pid=$!
  wait_for 90 "the collector did not report 'collector ready' (or died)" \
    bash -c "grep -q '^collector ready' '$log' || { kill -0 $collector_pid 2>/dev/null || exit 0; exit 1; }"
  kill -0 "$collector_pid" 2>/dev/null || fail "the collector exited at start"
  grep -q '^listening: udp 0.0.0.0:514$' "$log" || fail "not listening on 514/udp"
  grep -q '^listening: tcp 0.0.0.0:514$' "$log" || fail "not listening on 514/tcp"
  # the process that listens is the service user's, with CAP_NET_BIND_SERVICE (bit 10) and nothing else
  expect_eq "collector's user" "$(awk '/^Uid:/ { print $2 }' "/proc/$collector_pid/status")" "$(in_root id -u logmaster)"
  expect_eq "collector's effective capabilities" "$(awk '/^CapEff:/ { print $2 }' "/proc/$collector_pid/status")" 0000000000000400
  expect_eq "collector's bounding set" "$(awk '/^CapBnd:/ { print $2 }' "/proc/$collector_pid/status")" 0000000000000400
}
stop_collector() {
  kill -TERM "$collector_pid"
  wait "$collector_pid" || true
  grep -q '^collector stopped' "$work/it-collector-$1.log" || fail "the collector did not stop gracefully"
}
daily_files() { find "$DATA/logs" -name '*.log' -type f 2>/dev/null | sort; }
stored() { daily_files | xargs -r grep -l -F -- "$1" >/dev/null 2>&1; }
search_total() { # prints "N of M matching messages" for the text
  as_service /usr/bin/logmaster-collector search --config /etc/logmaster/collector.yaml --text "$1" | tail -n 1
}
found() { [ "$(search_total "$1")" = "$2 of $2 matching messages" ]; }
send_tls() { # one octet-counted message over syslog TLS (RFC 5425)
  local msg="<13>1 $(date -u +%FT%TZ) appliance-test tls - - - $1"
  printf '%d %s' "${#msg}" "$msg" | timeout 20 openssl s_client -connect 127.0.0.1:6514 -quiet >/dev/null 2>&1 || true
}
tree_digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-64; }

# --- install ------------------------------------------------------------------------------------
say "installing $(basename "$deb") ($(du -h "$deb" | cut -f1)) into a fresh Debian root"
cp "$deb" "$ROOT/tmp/"
install_out=$(in_root dpkg -i "/tmp/$(basename "$deb")" 2>&1) || { echo "$install_out"; fail "dpkg -i failed"; }
echo "$install_out" | sed 's/^/   | /'
expect_eq "package status" "$(in_root dpkg-query -W -f='${Status} ${Version}' logmaster-collector)" "install ok installed $deb_version"
expect_eq "service user's shell" "$(in_root getent passwd logmaster | cut -d: -f7)" /usr/sbin/nologin
[ "$(in_root id -u logmaster)" -lt 1000 ] || fail "logmaster is not a system user"
expect_eq "/var/lib/logmaster" "$(mode_owner "$DATA")" "750 logmaster:logmaster"
expect_eq "/var/log/logmaster" "$(mode_owner "$ROOT/var/log/logmaster")" "750 logmaster:logmaster"
expect_eq "collector.yaml" "$(mode_owner "$CONFIG")" "640 root:logmaster"
in_root dpkg-query -W -f='${Conffiles}\n' logmaster-collector | grep -q '^ /etc/logmaster/collector.yaml ' \
  || fail "collector.yaml is not a conffile"
grep -q '^data-dir: /var/lib/logmaster$' "$CONFIG" || fail "collector.yaml does not name /var/lib/logmaster"
expect_eq "initial-admin-password" "$(mode_owner "$DATA/initial-admin-password")" "600 root:root"
password=$(sed -n 's/^administrator: admin \/ password: //p' "$DATA/initial-admin-password")
[ -n "$password" ] || fail "initial-admin-password holds no administrator password"
! grep -q -F -- "$password" <<<"$install_out" || fail "the administrator's password was printed during installation"
[ -L "$ROOT/etc/systemd/system/multi-user.target.wants/logmaster-collector.service" ] || fail "the unit is not enabled"
[ -f "$DATA/index/logmaster.mv.db" ] || fail "init created no index"
[ -f "$DATA/.init-done" ] || fail "first-init left no mark: the unit would run init again at start"

# --- run as the service user, send, find --------------------------------------------------------
say "starting the installed collector as user logmaster on port 514 (no root, CAP_NET_BIND_SERVICE only)"
start_collector 1
logger -n 127.0.0.1 -P 514 --udp -t appliance-test "$MARK before-upgrade udp"
logger -n 127.0.0.1 -P 514 --tcp --octet-count -t appliance-test "$MARK before-upgrade tcp"
send_tls "$MARK before-upgrade tls"
for proto in udp tcp tls; do
  wait_for 30 "the $proto message is not in a daily file" stored "$MARK before-upgrade $proto"
done
daily=$(daily_files | xargs grep -l -F -- "$MARK" | head -n 1)
[[ "${daily#"$DATA"/logs/}" =~ ^[a-z0-9][a-z0-9._-]*/[0-9]{4}-[0-9]{2}-[0-9]{2}\.log$ ]] || fail "daily file $daily is not logs/<device>/<yyyy-MM-dd>.log"
expect_eq "daily file's owner" "$(mode_owner "$daily")" "640 logmaster:logmaster"
wait_for 30 "search does not find the 3 messages" found "$MARK" 3
say "stored in ${daily#"$ROOT"} and found by search: $(search_total "$MARK")"

# gRPC: TLS with ALPN h2 on the API port, from the runtime's own TLS stack
alpn=$(timeout 20 openssl s_client -connect 127.0.0.1:6515 -alpn h2 </dev/null 2>/dev/null | grep '^ALPN protocol' || true)
expect_eq "gRPC API's TLS handshake" "$alpn" "ALPN protocol: h2"
if /usr/bin/python3 -c 'import grpc, grpc_tools.protoc' >/dev/null 2>&1; then
  fingerprint=$(sed -n 's/^api certificate SHA-256 fingerprint: //p' "$work/it-collector-1.log")
  client_out=$(LOGMASTER_PASSWORD=$password timeout 120 /usr/bin/python3 "$REPO/docs/examples/logmaster_client.py" \
      --address 127.0.0.1:6515 --username admin --fingerprint "$fingerprint" \
      --trust-file "$work/it-known-collectors" --search "$MARK" 2>&1) || { echo "$client_out"; fail "the Python API client failed"; }
  grep -q "^search: 3 messages contain" <<<"$client_out" || { echo "$client_out"; fail "the API search did not find the 3 messages"; }
  say "the Python API client logged in as admin (Argon2) over gRPC/TLS and found the 3 messages"
elif [ -n "${CI:-}" ]; then
  fail "python3-grpcio is missing (releng/lib/test-env.sh installs it)"
else
  say "python3-grpcio missing: the API login check is SKIPPED (the TLS/ALPN handshake above passed)"
fi

# --- upgrade ------------------------------------------------------------------------------------
echo "# edited by the operator (appliance test $MARK)" >> "$CONFIG"
config_before=$(sha256sum < "$CONFIG")
keys_before=$(tree_digest "$DATA/keys")
[ -n "$(ls -A "$DATA/keys")" ] || fail "no keys under /var/lib/logmaster/keys"
password_before=$(sha256sum < "$DATA/initial-admin-password")
stop_collector 1   # as the package's prerm does under systemd
logs_before=$(tree_digest "$DATA/logs")

say "rebuilding the package with a higher version"
"$MODULE/build-deb.sh" --version "$version" --version-suffix +upgradetest1 --lib "$lib" --java-home "$java_home" --work "$work" | sed 's/^/   | /'
upgrade="$work/logmaster-collector_${deb_version}+upgradetest1_${arch}.deb"
dpkg --compare-versions "${deb_version}+upgradetest1" gt "$deb_version" || fail "the rebuilt version does not sort higher"
cp "$upgrade" "$ROOT/tmp/"
in_root dpkg --force-confold -i "/tmp/$(basename "$upgrade")" 2>&1 | sed 's/^/   | /'
expect_eq "version after upgrade" "$(in_root dpkg-query -W -f='${Version}' logmaster-collector)" "${deb_version}+upgradetest1"
expect_eq "daily files after upgrade" "$(tree_digest "$DATA/logs")" "$logs_before"
expect_eq "keys after upgrade" "$(tree_digest "$DATA/keys")" "$keys_before"
expect_eq "operator's collector.yaml after upgrade" "$(sha256sum < "$CONFIG")" "$config_before"
expect_eq "initial-admin-password after upgrade" "$(sha256sum < "$DATA/initial-admin-password")" "$password_before"
expect_eq "collector.yaml after upgrade" "$(mode_owner "$CONFIG")" "640 root:logmaster"

start_collector 2
logger -n 127.0.0.1 -P 514 --tcp --octet-count -t appliance-test "$MARK after-upgrade tcp"
wait_for 30 "the message sent after the upgrade is not in a daily file" stored "$MARK after-upgrade tcp"
wait_for 30 "search after the upgrade does not find all 4 messages" found "$MARK" 4
grep -q -F "$(sed -n 's/^tls certificate SHA-256 fingerprint: //p' "$work/it-collector-1.log")" "$work/it-collector-2.log" \
  || fail "the syslog TLS certificate changed across the upgrade"
stop_collector 2
say "upgrade kept the messages, keys, configuration and password file; search finds all 4"

# --- purge --------------------------------------------------------------------------------------
logs_before=$(tree_digest "$DATA/logs")
in_root dpkg --purge logmaster-collector 2>&1 | sed 's/^/   | /'
for gone in /usr/lib/logmaster /usr/bin/logmaster-collector /etc/logmaster /lib/systemd/system/logmaster-collector.service \
    /etc/systemd/system/multi-user.target.wants/logmaster-collector.service; do
  [ ! -e "$ROOT$gone" ] && [ ! -L "$ROOT$gone" ] || fail "$gone is still there after purge"
done
expect_eq "daily files after purge" "$(tree_digest "$DATA/logs")" "$logs_before"
expect_eq "keys after purge" "$(tree_digest "$DATA/keys")" "$keys_before"
in_root getent passwd logmaster >/dev/null || fail "purge removed the user that owns the kept data"
say "purge removed the package and its configuration, kept /var/lib/logmaster"

# reinstalling over kept data reuses it; purging with LOGMASTER_PURGE_DATA=yes deletes it
reinstall_out=$(in_root dpkg -i "/tmp/$(basename "$deb")" 2>&1) || { echo "$reinstall_out"; fail "reinstall failed"; }
grep -q 'already has users' <<<"$reinstall_out" || { echo "$reinstall_out"; fail "reinstall over kept data did not reuse the index"; }
in_root env LOGMASTER_PURGE_DATA=yes dpkg --purge logmaster-collector 2>&1 | sed 's/^/   | /'
[ ! -e "$DATA" ] || fail "LOGMASTER_PURGE_DATA=yes did not delete /var/lib/logmaster"
! in_root getent passwd logmaster >/dev/null || fail "LOGMASTER_PURGE_DATA=yes left the user logmaster"

umount "$ROOT/proc"
rm -rf "$ROOT"
say "PASSED in $(( $(date +%s) - started )) s"
