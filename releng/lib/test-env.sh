# Sourced by releng/test.sh: everything the tests need from the machine.
# Debian packages: logger (util-linux sends the syslog in integration tests), openssl
# (the outside verifier of seals and bundles).
ensure_apt_packages logger:bsdutils openssl:openssl
# The console's tests drive real SWT widgets on a private Xvfb display (GTK 3 underneath).
ensure_apt_packages Xvfb:xvfb
dpkg -s libgtk-3-0 >/dev/null 2>&1 || dpkg -s libgtk-3-0t64 >/dev/null 2>&1 || install_apt_packages libgtk-3-0
# Debian's gRPC for Python runs the API example (docs/examples/logmaster_client.py) in the tests.
if ! /usr/bin/python3 -c 'import grpc, grpc_tools.protoc' >/dev/null 2>&1; then
  echo "installing Debian packages: python3-grpcio python3-grpc-tools" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-grpcio python3-grpc-tools >/dev/null; } \
    || echo "== python3-grpcio not installable: the Python API example test is skipped" >&2
fi

# PostgreSQL tests need a server at 127.0.0.1:5432 (database test, user postgres). In CI
# they fail without it, elsewhere they are skipped with a message; try to start a local one.
postgres_ready() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if ! postgres_ready && command -v pg_ctlcluster >/dev/null 2>&1; then
  for version in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  done
fi
if postgres_ready; then
  echo "== PostgreSQL: 127.0.0.1:5432 reachable, its tests will run"
else
  echo "== PostgreSQL: not reachable at 127.0.0.1:5432 — its tests are skipped (they fail when CI=true)"
fi

# The appliance test (appliance-image/src/test/appliance-test.sh) bootstraps a minimal Debian root
# once (cached under ~/.cache/logmaster) and installs the package into it.
ensure_apt_packages debootstrap:debootstrap
