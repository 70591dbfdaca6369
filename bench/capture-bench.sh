#!/usr/bin/env bash
# The capture speed benchmark (not a test: the figures depend on the machine and its load).
#
# Run from the repository root after building the command-line jar:
#
#     mvn -B package -DskipTests
#     bench/capture-bench.sh [--runs N] [--10m] [--conv] [--no-tshark]
#
# It makes a deterministic 1M-packet capture (and with --10m a 10M-packet one, about 1.45 GB and two
# minutes to generate; it is also measured when it is already there) with genpcap.py from the shared
# bench folder, builds the C libpcap loop pcapsum, and then measures in one run, so that every figure
# has its peers measured under the same load:
#
#   pcapsum F                          the C floor: libpcap reading and decoding headers
#   tcpdump -nn -r F > /dev/null       the reference for print
#   tshark -r F -T fields ...          once (slow): its time and its memory per packet
#   tshark -r F -q -z conv,tcp         with --conv (slow): the reference for connections
#   java -jar tcpladder-cli.jar connections F > /dev/null     whole process
#   java -jar tcpladder-cli.jar connections --states F        whole process: the states' cost
#   java -jar tcpladder-cli.jar print F > /dev/null           whole process
#   LoadBenchmark F                    in-process load into a CaptureIndex: cold and warm time,
#                                      packets/s, MB/s, heap retained per packet
#   AnalysisBenchmark F1               ConnectionAnalysis.of on a 1M-segment connection (what the
#                                      window does on opening it), cold and warm, wall and CPU
#
# The whole-process commands run N times (default 3) in interleaved rounds and the median is quoted.
# The table gives the figures, ratios against the peers of the same run, and PASS/MISS against the
# targets: connections <= 6x pcapsum; 10M-packet connections < 3 s; <= 64 B of heap per packet;
# print at least 5x faster than tcpdump; connections --states within 2x plain connections (CPU);
# a 1M-segment connection analysed in under 1.5 s (warm).
#
# Environment: TCPLADDER_BENCH_DIR (default /tmp/tcpladder-capture-bench) holds the generated files;
# TCPLADDER_BENCH_SHARED (default: the shared/bench folder beside the repository, or beside the main
# checkout when run from a linked worktree) holds genpcap.py and
# pcapsum.c; TCPLADDER_CLI_JAR (default capture/target/tcpladder-cli.jar); JAVA (default java).
set -euo pipefail

runs=3
want_10m=0
want_conv=0
want_tshark=1
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --runs=*) runs="${1#--runs=}"; shift ;;
        --10m) want_10m=1; shift ;;
        --conv) want_conv=1; shift ;;
        --no-tshark) want_tshark=0; shift ;;
        -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "capture-bench: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
case "$runs" in ''|*[!0-9]*|0) echo "capture-bench: --runs needs a positive number" >&2; exit 2 ;; esac

root=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
cd "$root"
# The shared folder is a sibling of the repository; from a linked worktree, of the main checkout.
shared=${TCPLADDER_BENCH_SHARED:-$root/../shared/bench}
if [ -z "${TCPLADDER_BENCH_SHARED:-}" ] && [ ! -d "$shared" ]; then
    common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
    [ -n "$common" ] && shared=$(dirname "$common")/../shared/bench
fi
dir=${TCPLADDER_BENCH_DIR:-/tmp/tcpladder-capture-bench}
jar=${TCPLADDER_CLI_JAR:-capture/target/tcpladder-cli.jar}
java=${JAVA:-java}

for f in "$shared/genpcap.py" "$shared/pcapsum.c"; do
    [ -f "$f" ] || { echo "capture-bench: $f not found (set TCPLADDER_BENCH_SHARED)" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "capture-bench: $jar not found: run mvn -B package -DskipTests first" >&2; exit 1; }
for tool in tcpdump gcc python3; do
    command -v "$tool" >/dev/null || { echo "capture-bench: $tool is needed" >&2; exit 1; }
done
if [ "$want_tshark" = 1 ] && ! command -v tshark >/dev/null; then
    echo "capture-bench: tshark not found, its rows are left out" >&2
    want_tshark=0
    want_conv=0
fi
[ -x /usr/bin/time ] || { echo "capture-bench: /usr/bin/time (GNU time) is needed for memory figures" >&2; exit 1; }

mkdir -p "$dir"
f1m="$dir/1m.pcap"
f10m="$dir/10m.pcap"
f1conn="$dir/1m-one-connection.pcap"

generate() { # FILE PACKETS CONNECTIONS
    if [ ! -s "$1" ]; then
        echo "generating $1 ($2 packets) ..." >&2
        python3 "$shared/genpcap.py" --packets "$2" --conns "$3" --out "$1.tmp" >&2
        mv "$1.tmp" "$1"
    fi
}
generate "$f1m" 1000000 20000
generate "$f1conn" 1000000 1
if [ "$want_10m" = 1 ]; then
    generate "$f10m" 10000000 200000
fi
do_10m=0
[ -s "$f10m" ] && do_10m=1

pcapsum="$dir/pcapsum"
if [ ! -x "$pcapsum" ] || [ "$shared/pcapsum.c" -nt "$pcapsum" ]; then
    gcc -O2 -o "$pcapsum" "$shared/pcapsum.c" -lpcap
fi

# measure NAME CMD...: runs CMD with stdout to /dev/null; appends "milliseconds maxrss_kb cpu_seconds"
# (wall time, peak resident memory, user + system time of all its threads) to $dir/NAME.times.
measure() {
    local name=$1
    shift
    local t0 t1
    t0=$(date +%s%N)
    if ! /usr/bin/time -f '%M %U %S' -o "$dir/$name.rss" "$@" > /dev/null 2> "$dir/$name.err"; then
        echo "capture-bench: $name failed:" >&2
        cat "$dir/$name.err" >&2
        exit 1
    fi
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000000 )) $(tail -1 "$dir/$name.rss" | awk '{ printf "%d %.2f", $1, $2 + $3 }')" >> "$dir/$name.times"
}

# cpu_busy SECONDS: how busy the machine's processors are (all of them, in per cent) over a while:
# other work on the machine slows the JVM's compiler threads, and so our figures, more than tcpdump's.
cpu_busy() {
    local a b
    a=$(head -1 /proc/stat)
    sleep "$1"
    b=$(head -1 /proc/stat)
    # /proc/stat: cpu user nice system idle iowait irq softirq steal ...
    echo "$a" "$b" | awk '{ idle = ($16 + $17) - ($5 + $6); total = 0
        for (i = 13; i <= 20; i++) total += $i; for (i = 2; i <= 9; i++) total -= $i
        printf "%d", (total > 0 ? 100 * (total - idle) / total : 0) }'
}

# median NAME [COLUMN]: median of a column of $dir/NAME.times (1: milliseconds, 2: max RSS KB, 3: CPU s)
median() {
    local col=${2:-1}
    awk -v c="$col" '{print $c}' "$dir/$1.times" | sort -g | awk '{v[NR]=$1} END {
        if (NR == 0) { print "nan"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

names="pcapsum tcpdump connections connections_states print"
[ "$do_10m" = 1 ] && names="$names pcapsum10m connections10m"
for n in $names tshark_fields tshark_conv; do rm -f "$dir/$n.times"; done

# Warm the page cache so that the first measured program does not pay for the disk.
cat "$f1m" > /dev/null
[ "$do_10m" = 1 ] && cat "$f10m" > /dev/null

busy_before=$(cpu_busy 1)
for r in $(seq 1 "$runs"); do
    echo "round $r of $runs ..." >&2
    measure pcapsum "$pcapsum" "$f1m"
    measure tcpdump tcpdump -nn -r "$f1m"
    measure connections "$java" -jar "$jar" connections "$f1m"
    measure connections_states "$java" -jar "$jar" connections --states "$f1m"
    measure print "$java" -jar "$jar" print "$f1m"
    if [ "$do_10m" = 1 ]; then
        measure pcapsum10m "$pcapsum" "$f10m"
        measure connections10m "$java" -jar "$jar" connections "$f10m"
    fi
done

if [ "$want_tshark" = 1 ]; then
    echo "tshark -T fields (slow) ..." >&2
    measure tshark_fields tshark -r "$f1m" -T fields -e frame.number -e frame.time_epoch \
        -e ip.src -e ipv6.src -e tcp.srcport -e ip.dst -e ipv6.dst -e tcp.dstport \
        -e tcp.flags.str -e tcp.seq -e tcp.ack -e tcp.window_size_value -e tcp.len -e tcp.options
fi
if [ "$want_conv" = 1 ]; then
    echo "tshark -z conv,tcp (slow) ..." >&2
    measure tshark_conv tshark -r "$f1m" -q -z conv,tcp
fi

echo "LoadBenchmark ..." >&2
"$java" -cp "$jar" org.tcpladder.capture.bench.LoadBenchmark --runs 5 "$f1m" > "$dir/load1m.txt"
echo "AnalysisBenchmark ..." >&2
"$java" -cp "$jar" org.tcpladder.capture.bench.AnalysisBenchmark --runs 5 "$f1conn" > "$dir/analysis1m.txt"
if [ "$do_10m" = 1 ]; then
    "$java" -cp "$jar" org.tcpladder.capture.bench.LoadBenchmark --runs 3 "$f10m" > "$dir/load10m.txt"
fi
value() { sed -n "s/^$2=//p" "$dir/$1"; }

# ---------------------------------------------------------------- report
sec() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
mb=$(awk -v b="$(stat -c %s "$f1m")" 'BEGIN { printf "%.0f", b / 1e6 }')
packets=1000000

pcapsum_ms=$(median pcapsum)
tcpdump_ms=$(median tcpdump)
conn_ms=$(median connections)
print_ms=$(median print)

verdict() { # CONDITION-AS-AWK-EXPRESSION
    awk "BEGIN { print ($1) ? \"PASS\" : \"MISS\" }"
}

echo
echo "Capture benchmark, $(date '+%Y-%m-%d %H:%M'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "processors busy with other work just before: ${busy_before}%"
echo "file $f1m: $packets packets, $mb MB; whole-process times are medians of $runs interleaved runs"
echo
printf '%-44s %10s %12s  %s\n' "command (1M packets)" "time" "ratio" "notes"
printf '%-44s %10s %12s  %s\n' "pcapsum (C libpcap loop)" "$(sec "$pcapsum_ms")" "1.0x" \
    "$(awk -v ms="$pcapsum_ms" -v n=$packets 'BEGIN { printf "%.1f M packets/s", n / ms / 1000 }')"
printf '%-44s %10s %12s  %s\n' "tcpdump -nn -r F > /dev/null" "$(sec "$tcpdump_ms")" "$(ratio "$tcpdump_ms" "$pcapsum_ms") C" \
    "cpu $(median tcpdump 3) s"
if [ "$want_tshark" = 1 ]; then
    tf_ms=$(median tshark_fields)
    tf_kb=$(median tshark_fields 2)
    printf '%-44s %10s %12s  %s\n' "tshark -r F -T fields ... > /dev/null" "$(sec "$tf_ms")" "$(ratio "$tf_ms" "$pcapsum_ms") C" \
        "max RSS $(( tf_kb / 1024 )) MB = $(awk -v kb="$tf_kb" -v n=$packets 'BEGIN { printf "%.0f", kb * 1024 / n }') B/packet"
fi
if [ "$want_conv" = 1 ]; then
    tc_ms=$(median tshark_conv)
    tc_kb=$(median tshark_conv 2)
    printf '%-44s %10s %12s  %s\n' "tshark -r F -q -z conv,tcp" "$(sec "$tc_ms")" "$(ratio "$tc_ms" "$pcapsum_ms") C" \
        "max RSS $(( tc_kb / 1024 )) MB"
fi
printf '%-44s %10s %12s  %s\n' "tcpladder connections F > /dev/null" "$(sec "$conn_ms")" "$(ratio "$conn_ms" "$pcapsum_ms") C" \
    "$(awk -v ms="$conn_ms" -v n=$packets -v mb="$mb" 'BEGIN { printf "%.1f M packets/s, %.0f MB/s", n / ms / 1000, mb / ms * 1000 }'); cpu $(median connections 3) s; max RSS $(( $(median connections 2) / 1024 )) MB"
if [ "$want_conv" = 1 ]; then
    printf '%-44s %10s %12s\n' "" "" "$(ratio "$tc_ms" "$conn_ms") faster than tshark conv"
fi
cs_ms=$(median connections_states)
printf '%-44s %10s %12s  %s\n' "tcpladder connections --states F" "$(sec "$cs_ms")" "$(ratio "$cs_ms" "$conn_ms") conn" \
    "cpu $(median connections_states 3) s = $(ratio "$(median connections_states 3)" "$(median connections 3)") plain's cpu; max RSS $(( $(median connections_states 2) / 1024 )) MB"
printf '%-44s %10s %12s  %s\n' "tcpladder print F > /dev/null" "$(sec "$print_ms")" "$(ratio "$print_ms" "$pcapsum_ms") C" \
    "$(ratio "$tcpdump_ms" "$print_ms") faster than tcpdump; cpu $(median print 3) s; max RSS $(( $(median print 2) / 1024 )) MB"
echo
echo "in-process load into a CaptureIndex (LoadBenchmark, 1M packets):"
printf '  cold %s s, warm %s s = %s M packets/s, %s MB/s; heap retained %s B/packet' \
    "$(value load1m.txt cold_s)" "$(value load1m.txt warm_s)" "$(value load1m.txt warm_mpps)" \
    "$(value load1m.txt warm_mbps)" "$(value load1m.txt retained_b_per_packet)"
if [ "$want_tshark" = 1 ]; then
    printf ' (tshark fields: %s B/packet)' "$(awk -v kb="$tf_kb" -v n=$packets 'BEGIN { printf "%.0f", kb * 1024 / n }')"
fi
echo
echo "in-process analysis of one 1M-segment connection (AnalysisBenchmark, ConnectionAnalysis.of):"
printf '  cold %s s (cpu %s s), warm %s s (cpu %s s); cpu is the analysing thread, without the collector\n' \
    "$(value analysis1m.txt cold_s)" "$(value analysis1m.txt cold_cpu_s)" "$(value analysis1m.txt warm_s)" \
    "$(value analysis1m.txt warm_cpu_s)"
if [ "$do_10m" = 1 ]; then
    p10_ms=$(median pcapsum10m)
    c10_ms=$(median connections10m)
    echo
    printf '%-44s %10s %12s  %s\n' "command (10M packets, $(awk -v b="$(stat -c %s "$f10m")" 'BEGIN { printf "%.0f", b / 1e6 }') MB)" "time" "ratio" ""
    printf '%-44s %10s %12s\n' "pcapsum (C libpcap loop)" "$(sec "$p10_ms")" "1.0x"
    printf '%-44s %10s %12s  %s\n' "tcpladder connections F > /dev/null" "$(sec "$c10_ms")" "$(ratio "$c10_ms" "$p10_ms") C" \
        "max RSS $(( $(median connections10m 2) / 1024 )) MB"
    printf '  in-process load: cold %s s, warm %s s = %s M packets/s; heap retained %s B/packet\n' \
        "$(value load10m.txt cold_s)" "$(value load10m.txt warm_s)" "$(value load10m.txt warm_mpps)" \
        "$(value load10m.txt retained_b_per_packet)"
fi

echo
echo "targets:"
printf '  %-4s connections (1M) within 6x the C loop: %s = %s (limit %s)\n' \
    "$(verdict "$conn_ms <= 6 * $pcapsum_ms")" "$(sec "$conn_ms")" "$(ratio "$conn_ms" "$pcapsum_ms")" "$(sec $((6 * pcapsum_ms)))"
if [ "$do_10m" = 1 ]; then
    printf '  %-4s connections (10M) under 3 s: %s\n' "$(verdict "$c10_ms < 3000")" "$(sec "$c10_ms")"
else
    printf '  %-4s connections (10M) under 3 s: not measured (use --10m)\n' "----"
fi
b1=$(value load1m.txt retained_b_per_packet)
printf '  %-4s at most 64 B of heap per packet (1M): %s B\n' "$(verdict "$b1 <= 64")" "$b1"
if [ "$do_10m" = 1 ]; then
    b10=$(value load10m.txt retained_b_per_packet)
    printf '  %-4s at most 64 B of heap per packet (10M): %s B\n' "$(verdict "$b10 <= 64")" "$b10"
fi
printf '  %-4s print at least 5x faster than tcpdump -nn -r: %s\n' \
    "$(verdict "$tcpdump_ms >= 5 * $print_ms")" "$(ratio "$tcpdump_ms" "$print_ms")"
cs_cpu=$(median connections_states 3)
c_cpu=$(median connections 3)
printf '  %-4s connections --states within 2x plain connections: cpu %s s against %s s = %s (wall %s)\n' \
    "$(verdict "$cs_cpu <= 2 * $c_cpu")" "$cs_cpu" "$c_cpu" "$(ratio "$cs_cpu" "$c_cpu")" "$(ratio "$cs_ms" "$conn_ms")"
aw=$(value analysis1m.txt warm_s)
printf '  %-4s a 1M-segment connection analysed in under 1.5 s (warm): %s s (cpu of its thread %s s)\n' \
    "$(verdict "$aw < 1.5")" "$aw" "$(value analysis1m.txt warm_cpu_s)"
echo
echo "raw figures (ms, max RSS KB, cpu s) are in $dir/*.times; cpu counts every thread (the JVM's compilers too)."
echo "Max RSS includes the pages of the memory-mapped capture file; heap per packet is LoadBenchmark's figure."
