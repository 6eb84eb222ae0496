# Sourced by screenshot.sh --views (DISPLAY, WORK, ROOT, OUT, CONSOLE_PID and COLLECTOR_PID are
# shared with it, and its cleanup stops what this starts). Not meant to run on its own.

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

start_collector() {
  local jar="$ROOT/collector/target/logmaster-collector.jar"
  [ -f "$jar" ] || { echo "error: $jar is missing; build it: ./mvnw -B -pl collector -am package -DskipTests" >&2; exit 1; }
  SYSLOG_PORT=$(free_port); API_PORT=$(free_port)
  cat >"$WORK/collector.yaml" <<YAML
data-dir: $WORK/store
listeners:
  udp: { bind: 127.0.0.1, port: $SYSLOG_PORT }
  tcp: { bind: 127.0.0.1, port: $SYSLOG_PORT }
  tls: { bind: 127.0.0.1, port: $(free_port) }
api: { bind: 127.0.0.1, port: $API_PORT }
metrics: { bind: 127.0.0.1, port: 0 }
seal: { late-after-minutes: 4320 }   # the past days below are sealed now: only those over 3 days are late
YAML
  source "$ROOT/releng/lib/java.sh"   # JAVA_HOME: Java 21 or newer
  local java=("$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Xmx256m -jar "$jar")
  "${java[@]}" init --config "$WORK/collector.yaml" >"$WORK/init.out" 2>&1
  local admin
  admin=$(sed -n 's/^administrator: \([^ ]*\) \/ password: \(.*\)$/\1 \2/p' "$WORK/init.out")
  ADMIN_USER=${admin%% *}
  (umask 077; printf '%s' "${admin#* }" >"$WORK/password")
  "${java[@]}" run --config "$WORK/collector.yaml" >"$WORK/collector.out" 2>&1 &
  COLLECTOR_PID=$!
  for _ in $(seq 600); do grep -q 'collector ready' "$WORK/collector.out" && break; sleep 0.1; done
  FINGERPRINT=$(sed -n 's/^api certificate SHA-256 fingerprint: //p' "$WORK/collector.out")
  [ -n "$FINGERPRINT" ] || { echo "error: the collector did not start:" >&2; cat "$WORK/collector.out" >&2; exit 1; }
}

send_messages() {
  local send=(logger --tcp --server 127.0.0.1 --port "$SYSLOG_PORT" --rfc5424)
  "${send[@]}" -t sshd -p auth.warning "Failed password for invalid user admin from 203.0.113.45 port 52144 ssh2"
  "${send[@]}" -t sshd -p auth.info "Accepted publickey for ops from 198.51.100.20 port 40022 ssh2"
  "${send[@]}" -t kernel -p kern.err "eth1: link down"
  "${send[@]}" -t kernel -p kern.notice "eth1: link up, 1000 Mbps, full duplex"
  "${send[@]}" -t dhcpd -p daemon.info "DHCPACK on 10.20.0.57 to 3c:22:fb:10:4e:a1 (guest-laptop) via vlan20"
  "${send[@]}" -t firewall -p local0.warning "DROP IN=wan OUT= SRC=203.0.113.45 DST=192.0.2.10 PROTO=TCP DPT=23"
  "${send[@]}" -t firewall -p local0.info "ACCEPT IN=lan OUT=wan SRC=10.20.0.57 DST=93.184.215.14 PROTO=TCP DPT=443"
  "${send[@]}" -t hotspot -p local1.crit "RADIUS server 10.0.0.5 unreachable, guests cannot log in"
  "${send[@]}" -t hotspot -p local1.info "guest 905321234567 logged in, MAC 3c:22:fb:10:4e:a1, IP 10.20.0.57"
  "${send[@]}" -t cron -p cron.debug "(root) CMD (/usr/local/bin/backup-config)"
}

send_from() {  # loopback-address message...: a device of its own (filed as ip-127-0-0-N)
  python3 - "$SYSLOG_PORT" "$@" <<'PY'
import socket, sys
port, source, messages = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
with socket.create_connection(("127.0.0.1", port), source_address=(source, 0)) as s:
    for text in messages:
        line = ("<134>1 - sw-%s switch - - - %s" % (source.rsplit(".", 1)[1], text)).encode()
        s.sendall(str(len(line)).encode() + b" " + line)
PY
}

collector_cli() { "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Xmx256m -jar "$ROOT/collector/target/logmaster-collector.jar" "$@"; }

# Gives each sender past days for the Compliance grid: copies of today's daily file, sealed in
# order (the chain links each seal to the one before); then deletes one sealed day of the last
# sender, as tampering would, so that its cell shows what a missing day looks like.
prepare_past_days() {
  local today device ago day
  today=$(date +%F)   # the test configuration has no time zone: the machine's
  for _ in $(seq 100); do [ "$(ls "$WORK"/store/logs/*/"$today.log" 2>/dev/null | wc -l)" -ge 3 ] && break; sleep 0.1; done
  for folder in "$WORK"/store/logs/*/; do
    device=$(basename "$folder")
    for ago in 6 5 4 3 2 1; do
      day=$(date -d "$today - $ago days" +%F)
      cp "$folder/$today.log" "$folder/$day.log"
      collector_cli seal --config "$WORK/collector.yaml" --day "$day" --device "$device" >>"$WORK/seal.out" 2>&1
    done
  done
  rm "$folder/$(date -d "$today - 2 days" +%F).log"
}

shoot() {  # window-id file
  import -window "$1" "$2"
  echo "screenshot: $2 ($(identify -format '%wx%h' "$2"))"
}

register_device() {  # mac name location type static-ip [screenshot-file]
  # no window manager on Xvfb: focus does not come back to the main window by itself
  xdotool windowfocus --sync "$window"
  xdotool key alt+r
  local dialog
  dialog=$(timeout 30 xdotool search --sync --onlyvisible --name "Register Device" | head -n 1) || {
    echo "error: the Register dialog did not open; the console's output:" >&2; cat "$WORK/console.log" >&2; exit 1; }
  sleep 1
  xdotool type --delay 20 "$1"; xdotool key Tab; xdotool type --delay 20 "$2"; xdotool key Tab
  xdotool type --delay 20 "$3"; xdotool key Tab; xdotool type --delay 20 "$4"; xdotool key Tab
  xdotool type --delay 20 "$5"
  sleep 1
  if [ -n "${6:-}" ]; then shoot "$dialog" "$6"; fi
  xdotool key Return
  sleep 3
}

wait_for_window() {  # title: prints the id of the visible window with that title
  timeout 60 xdotool search --sync --onlyvisible --name "$1" | head -n 1 || {
    echo "error: no window \"$1\"; the console's output:" >&2; cat "$WORK/console.log" >&2; exit 1; }
}

take_view_screenshots() {
  start_collector
  send_messages
  send_from 127.0.0.2 "port Gi0/3 up" "port Gi0/4 down"
  send_from 127.0.0.3 "STP topology change on vlan 20"
  prepare_past_days
  mkdir -p "$OUT" "$WORK/home"
  # as a new user does it (releng/run.sh): the console offers the collector, the operator types the
  # password and accepts the certificate. A home of its own: Eclipse keeps secure storage (the saved
  # collector) under user.home, and the export proposes its file there.
  LOGMASTER_CONSOLE_JAVA_OPTIONS="-Duser.home=$WORK/home" "$ROOT/releng/console/start-console.sh" --data "$WORK/data" --offer "127.0.0.1:$API_PORT" \
      --user "$ADMIN_USER" >"$WORK/console.log" 2>&1 &
  CONSOLE_PID=$!
  window=$(timeout 120 xdotool search --sync --onlyvisible --name "LogMaster Console" | head -n 1) || {
    echo "error: the console window did not appear; its output:" >&2; cat "$WORK/console.log" >&2; exit 1; }
  local dialog
  dialog=$(wait_for_window "Connect to Collector")
  sleep 1
  xdotool type --delay 10 "$(cat "$WORK/password")"   # the focus is in the password field
  sleep 0.5
  shoot "$dialog" "$OUT/console-connect.png"
  xdotool key Return
  dialog=$(wait_for_window "Collector certificate")
  sleep 1
  shoot "$dialog" "$OUT/console-trust-certificate.png"
  xdotool key shift+Tab Return   # Cancel is the default button: move to "Trust and connect"
  sleep 8   # workbench, login (a memory-hard password hash on the collector), daily file sync
  xdotool windowfocus --sync "$window"   # no window manager: focus does not return by itself

  # Live Logs (the view shown first): the tail starts at login, so send while it is open; a row
  # clicked shows its fields (and stops following)
  send_messages; sleep 1; send_messages
  send_from 127.0.0.2 "port Gi0/3 down" "port Gi0/3 up"
  sleep 3
  xdotool mousemove --window "$window" 500 "${LIVE_ROW_Y:-190}" click 1
  sleep 1
  shoot "$window" "$OUT/console-live-logs.png"

  # Search: Alt+Shift+Q S opens the view, Alt+S presses Search; then a row for the details pane
  xdotool key --window "$window" alt+shift+q s
  sleep 2
  xdotool key --window "$window" alt+s
  sleep 3
  xdotool mousemove --window "$window" 500 "${SEARCH_ROW_Y:-256}" click 1
  sleep 1
  shoot "$window" "$OUT/console-search.png"

  # Devices: register two devices through the dialog (the first one photographed), select one
  xdotool key --window "$window" alt+shift+q d
  sleep 3
  register_device "00-1B-21-3A-4F-5C" "Edge firewall" "Server room, rack 2" "firewall" "192.0.2.1" \
      "$OUT/console-register-device.png"
  register_device "001a.2b3c.4d5e" "Lobby access point" "Ground floor lobby" "access-point" ""
  xdotool mousemove --window "$window" 300 "${DEVICES_ROW_Y:-181}" click 1
  sleep 1
  shoot "$window" "$OUT/console-devices.png"

  # Compliance: the grid of the last 7 days; a sealed cell of the first row clicked, then Verify
  xdotool windowfocus --sync "$window"
  xdotool key --window "$window" alt+shift+q c
  sleep 4
  xdotool mousemove --window "$window" "${COMPLIANCE_CELL_X:-736}" "${COMPLIANCE_ROW_Y:-158}" click 1
  sleep 1
  xdotool key --window "$window" alt+i   # Verify
  sleep 4
  shoot "$window" "$OUT/console-compliance.png"

  # Export Evidence: the case page filled in, then Next, Next, Finish with the proposed file
  xdotool windowfocus --sync "$window"
  xdotool key --window "$window" ctrl+alt+e
  dialog=$(wait_for_window "Export Evidence")
  sleep 1
  xdotool type --delay 10 "2026/1234 E."; xdotool key Tab
  xdotool type --delay 10 "Ankara 3rd Criminal Court of Peace"; xdotool key Tab
  xdotool type --delay 10 "Who used 203.0.113.45 on the night of the 27th"
  sleep 0.5
  shoot "$dialog" "$OUT/console-export-case.png"
  xdotool key alt+n; sleep 2
  shoot "$dialog" "$OUT/console-export-scope.png"
  xdotool key alt+n; sleep 1
  xdotool key alt+f   # the file proposed in the (private) home folder
  dialog=$(wait_for_window "Evidence bundle saved")
  sleep 1
  shoot "$dialog" "$OUT/console-export-result.png"
  xdotool key Return
}
