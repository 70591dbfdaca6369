#!/usr/bin/env bash
# How the real capture fixtures in this directory were made (run as root; needs dumpcap, tcpdump,
# python3). Each is a few short TCP echo sessions over loopback, IPv4 and IPv6.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

traffic() {  # traffic PORT: two echo sessions on 127.0.0.1 and one on ::1, each closed by the client
  python3 - "$1" <<'PY'
import socket, sys, threading, time
port = int(sys.argv[1])
def serve(family, host, sessions):
    srv = socket.socket(family); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, port)); srv.listen()
    def loop():
        for _ in range(sessions):
            c, _ = srv.accept()
            while True:
                d = c.recv(4096)
                if not d: break
                c.sendall(d)
            c.close()
        srv.close()
    t = threading.Thread(target=loop); t.start(); return t
for family, host, sessions in [(socket.AF_INET, '127.0.0.1', 2), (socket.AF_INET6, '::1', 1)]:
    t = serve(family, host, sessions)
    for _ in range(sessions):
        s = socket.create_connection((host, port))
        for m in [b'hello', b'x' * 300, b'bye']:
            s.sendall(m); got = b''
            while len(got) < len(m): got += s.recv(4096)
            time.sleep(0.005)
        s.close()
    t.join()
PY
}

record() {  # record OUT PORT CAPTURE-COMMAND...: runs the traffic while the command captures it
  local out=$1 port=$2; shift 2
  "$@" 2>"$work/err" & local pid=$!
  for _ in $(seq 100); do grep -qiE 'listening on|capturing on' "$work/err" && break; sleep 0.1; done
  traffic "$port"; sleep 0.5
  kill -INT "$pid"; wait "$pid" || true
}

# dumpcap's own pcapng: nanosecond if_tsresol, interface statistics block at the end
record loopback.pcapng 47311 dumpcap -q -i lo -f 'tcp port 47311' -w "$PWD/loopback.pcapng"
# two interfaces with different link types in one file: lo (Ethernet, 1) and any (Linux cooked, 113)
record two-interfaces.pcapng 47312 dumpcap -q -i lo -i any -f 'tcp port 47312' -w "$PWD/two-interfaces.pcapng"
# tcpdump's classic pcap, microseconds
record loopback-tcpdump.pcap 47313 tcpdump --immediate-mode -U -Z root -i lo -w "$PWD/loopback-tcpdump.pcap" 'tcp port 47313'
chmod 644 ./*.pcap ./*.pcapng
