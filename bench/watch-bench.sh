#!/usr/bin/env bash
# Watching a busy port, beside tcpdump in the same run (not a test: the figures depend on the machine
# and its load). Run as root from the repository root after building the command-line jar:
#
#     mvn -B package -DskipTests
#     sudo bench/watch-bench.sh [--seconds S] [--snaplen N] [--no-tcpdump]
#
# For each of tcpdump (-i lo -s N -B 65536 -w FILE 'tcp port P') and tcpladder watch (--port P
# --snaplen N, its lines to /dev/null) a fresh bulk transfer over loopback on an ephemeral port runs at
# full speed for S seconds (default 10), then the capture is interrupted (SIGINT) and its own summary
# read. Printed: frames captured and per second, kernel drops, our own drops, the drop rate, peak RSS
# (VmHWM of the process and its children), whether it ran to the end, the time from SIGINT to exit,
# processor seconds, and the transfer's MB/s; then PASS/MISS against the targets of issue 14 (at most
# 1 % dropped, peak RSS under 400 MB, no early stop). The first line gives the load average: on a
# shared machine, run it when the load is low and quote the load with the figures.
#
# Environment: TCPLADDER_CLI_JAR (default capture/target/tcpladder-cli.jar); JAVA (default java).
set -euo pipefail
root=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
cd "$root"
jar=${TCPLADDER_CLI_JAR:-capture/target/tcpladder-cli.jar}
java=${JAVA:-java}
if [ ! -f "$jar" ]; then
    echo "watch-bench: $jar is missing; build it with: mvn -B package -DskipTests" >&2
    exit 2
fi
command -v tcpdump > /dev/null || { echo "watch-bench: tcpdump is needed (apt-get install tcpdump)" >&2; exit 2; }
exec "$java" -cp "$jar" org.tcpladder.capture.bench.WatchBenchmark --java "$(command -v "$java")" "$@"
