#!/usr/bin/env bash
# make bench's engine table (the Makefile gives the cases): each case in a
# process of its own, so that no case inherits another's goroutines, stacks or
# garbage, and the rows in one table.
#
#   BENCH_CASES   cases of BenchmarkEngine, BenchmarkFloor and
#                 BenchmarkCoroutineFloor, run for BENCHTIME (10x: 10
#                 generations), and of BenchmarkCLIEngine (life's print mode
#                 on a 1024x1024 soup, start included), run once
#   DIRECT_CASES  cases of BenchmarkDirect (a 0.5 soup), run for DIRECT_GENS
#                 generations, and CLI: BenchmarkCLI (life's print mode on
#                 the 4096x4096 soup, set-up excluded)
#   BGOLLY_SIZES  the soups bgolly's QuickLife runs for DIRECT_GENS
#                 generations on the same torus, when bgolly is installed
#                 (Debian: apt-get install golly)
#   HASHLIFE_CASES  cases of life/hashlife's BenchmarkHashlife (whole runs
#                 from a fresh engine), each run HASHLIFE_RUNS times in one
#                 process (warm) and once in each of HASHLIFE_RUNS fresh
#                 processes (cold), the fastest kept, beside bgolly -a
#                 HashLife on the same pattern and generations, also the
#                 fastest of HASHLIFE_RUNS (optional: no hashlife table
#                 without it)
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
: "${BENCH_CASES?}" "${BENCHTIME?}" "${DIRECT_CASES?}" "${DIRECT_GENS?}" "${BGOLLY_SIZES?}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$GO" test -c -o "$tmp/life.test" ./life/sim/
"$GO" test -c -o "$tmp/cli.test" ./cmd/life/

# bench BINARY CASE BENCHTIME [FLAG...] runs one case and prints its line.
# Each part of CASE between slashes matches a whole name: engine=dense is
# not engine=dense-coroutine.
bench() {
	local bin=$1 c=$2 t=$3
	shift 3
	"$bin" -test.run '^$' -test.bench "^Benchmark${c//\//\$/^}\$" -test.benchmem -test.benchtime "$t" "$@" | grep '^Benchmark'
}

# bgolly_line SIZE runs QuickLife on the soup BenchmarkDirect wrote for SIZE
# and prints "Bgolly SIZE SECONDS": the time from generation 0 to the last,
# as bgolly -b reports it (reading the file is not counted).
bgolly_line() {
	local size=$1 soup="$tmp/soup-$1.rle"
	if [ ! -f "$soup" ]; then
		echo "bgolly: no soup of $size (DIRECT_CASES has no case of that size)" >&2
		return
	fi
	# -b prints a banner, the command, then a line of times since the start,
	# one per generation from 0.
	bgolly -a QuickLife -q -q -b -r "B3/S23:T${size/x/,}" -m "$DIRECT_GENS" "$soup" 2>/dev/null |
		sed -n 3p | tr ' ' '\n' | grep -E '^[0-9.]+$' | awk -v s="$size" 'NR == 1 { first = $1 } { last = $1 } END { print "Bgolly", s, last - first }'
}

{
	for c in $BENCH_CASES; do
		case $c in
		CLIEngine/*) bench "$tmp/cli.test" "$c" 1x ;;
		*) bench "$tmp/life.test" "$c" "$BENCHTIME" ;;
		esac
	done
	for c in $DIRECT_CASES; do
		if [ "$c" = CLI ]; then
			bench "$tmp/cli.test" CLI 1x
		else
			bench "$tmp/life.test" "$c" "${DIRECT_GENS}x" -soup "$tmp"
		fi
	done
	if command -v bgolly >/dev/null; then
		for s in $BGOLLY_SIZES; do bgolly_line "$s"; done
	else
		echo "bgolly is not installed (Debian: apt-get install golly): no QuickLife rows" >&2
	fi
} | tee /dev/stderr | awk -v gens="$DIRECT_GENS" '
# metrics reads the "value unit" pairs of a benchmark line into m.
function metrics(   i) { delete m; for (i = 3; i < NF; i += 2) m[$(i+1)] = $i }
function row(engine, size, procs, cps, msg, bcell, allocs) {
	rows[++r] = sprintf("%-16s %-10s %10s %16.0f %12s %10s %12s", engine, size, procs, cps, msg, bcell, allocs)
	cells[r] = cps; sizes[r] = size
}
/^BenchmarkEngine\// {
	split($1, part, "/"); metrics()
	sub(/^engine=/, "", part[2]); sub(/^size=/, "", part[3]); sub(/^procs=/, "", part[4]); sub(/-[0-9]+$/, "", part[4])
	row(part[2], part[3], part[4], m["cells/s"], ("ns/msg" in m) ? sprintf("%.1f", m["ns/msg"]) : "-", sprintf("%.0f", m["B/cell"]), m["allocs/op"])
	if ("start-s" in m && part[3] == "1024x1024") starts[++s] = sprintf("%-34s %10s %10.2f %16s %12s", part[2] " (BenchmarkEngine)", part[3] "/" part[4], m["start-s"], "-", "-")
}
/^BenchmarkCLIEngine\// {
	split($1, part, "/"); metrics()
	sub(/^engine=/, "", part[2]); sub(/^size=/, "", part[3]); procs = part[3]; sub(/^.*-/, "", procs); sub(/-[0-9]+$/, "", part[3])
	row("CLI " part[2], part[3], procs, m["gen-cells/s"], "-", ("rss-B/cell" in m) ? sprintf("%.0f", m["rss-B/cell"]) : "-", "-")
	starts[++s] = sprintf("%-34s %10s %10.2f %16.0f %12s", "life -engine " part[2], part[3] "/" procs, m["start-s"], m["cells/s"],
		("rss-B/cell" in m) ? sprintf("%.0f", m["rss-B/cell"]) : "-")
}
/^Benchmark(Coroutine)?Floor\// {
	split($1, part, "/"); metrics()
	sub(/^size=/, "", part[2]); sub(/^procs=/, "", part[3]); sub(/-[0-9]+$/, "", part[3])
	row($1 ~ /^BenchmarkCoroutine/ ? "floor iter.Pull" : "floor", part[2], part[3], m["cells/s"], sprintf("%.1f", m["ns/msg"]), "-", "-")
}
/^BenchmarkDirect\// {
	split($1, part, "/"); metrics()
	sub(/^rule=/, "", part[2]); sub(/^size=/, "", part[3]); sub(/^procs=/, "", part[4]); sub(/-[0-9]+$/, "", part[4])
	row(part[2] == "life" ? "direct" : "direct " part[2], part[3], part[4], m["cells/s"], "-", sprintf("%.2f", m["B/cell"]), m["allocs/op"])
	quick[r] = part[2] == "life"
}
/^BenchmarkCLI-/ {
	metrics(); procs = $1; sub(/^.*-/, "", procs)
	row("life (CLI)", "4096x4096", procs, m["cells/s"], "-", "-", sprintf("%.3f", m["allocs/op"] / gens))
	quick[r] = 1
}
/^Bgolly / {
	split($2, wh, "x"); qcps[$2] = wh[1] * wh[2] * gens / $3
	row("bgolly QuickLife", $2, 1, qcps[$2], "-", "-", "-")
}
END {
	printf "\n%-16s %-10s %10s %16s %12s %10s %12s %12s\n", "engine", "size", "GOMAXPROCS", "cell-updates/s", "ns/message", "B/cell", "allocs/gen", "x QuickLife"
	for (i = 1; i <= r; i++) {
		ratio = (quick[i] && sizes[i] in qcps) ? sprintf("%.1f", cells[i] / qcps[sizes[i]]) : "-"
		printf "%s %12s\n", rows[i], ratio
	}
	if (s == 0) exit
	printf "\nstarts: the first generation, which starts a goroutine or coroutine for each active cell (not in ns/op)\n"
	printf "%-34s %10s %10s %16s %12s\n", "", "size/procs", "start s", "run cells/s", "RSS B/cell"
	for (i = 1; i <= s; i++) print starts[i]
}' 2>/dev/null

# The hashlife table: BenchmarkHashlife's in-process time, cold and warm,
# beside bgolly's HashLife by its own -b timestamps (from generation 0 to the
# last, reading the file not counted), and life -engine hashlife as a whole
# process beside bgolly as a whole process. Cold is the one to set beside
# bgolly -b: both are the first run in a fresh process.
[ -n "${HASHLIFE_CASES:-}" ] || exit 0
runs=${HASHLIFE_RUNS:-5}
"$GO" test -c -o "$tmp/hashlife.test" ./life/hashlife/
"$GO" build -o "$tmp/life" ./cmd/life/
# seconds CMD... prints the fastest of $runs runs of CMD, in seconds.
seconds() {
	local best="" t0 t1 i
	for ((i = 0; i < runs; i++)); do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || { echo -; return; }
		t1=$(date +%s%N)
		best=$(awk -v a="$best" -v b="$(( t1 - t0 ))" 'BEGIN { print (a == "" || b < a) ? b : a }')
	done
	awk -v ns="$best" 'BEGIN { printf "%.4f\n", ns / 1e9 }'
}
# bgolly_b PATTERN GENS prints the fastest of bgolly's own -b times.
bgolly_b() {
	local i
	for ((i = 0; i < runs; i++)); do
		bgolly -a HashLife -q -q -b -m "$2" "$1" 2>/dev/null | sed -n 3p | awk '{ print $NF - $1 }'
	done | sort -g | head -1
}
{
	for c in $HASHLIFE_CASES; do
		bench=(-test.run '^$' -test.bench "^BenchmarkHashlife/${c//^/\\^}\$" -test.benchtime 1x -test.benchmem)
		# Warm: the runs in one process, whose heap the first run grew.
		(cd life/hashlife && "$tmp/hashlife.test" "${bench[@]}" -test.count "$runs" -patterns "$tmp") |
			grep '^Benchmark' | sort -t$'\t' -k3 -g | head -1
		# Cold: a run in a fresh process, which faults in every page it
		# touches, as bgolly's run does.
		for ((i = 0; i < runs; i++)); do
			(cd life/hashlife && "$tmp/hashlife.test" "${bench[@]}" -test.count 1) | grep '^Benchmark'
		done | awk '{ print "Cold", $3 }' | sort -k2 -g | head -1
		name=${c#pattern=}
		name=${name%%/*}
		gens=$(cd life/hashlife && "$tmp/hashlife.test" "${bench[@]}" | awk '/^Benchmark/ { for (i = 3; i < NF; i++) if ($(i+1) == "gens") print $i }')
		if command -v bgolly >/dev/null; then
			echo "Bgolly $c $(seconds bgolly -a HashLife -q -q -m "$gens" "$tmp/$name.rle") $(bgolly_b "$tmp/$name.rle" "$gens")"
		fi
		if "$tmp/life" -engine hashlife -topology unbounded -pattern "$tmp/$name.rle" -gens 1 -print none >/dev/null 2>&1; then
			echo "Cli $c $(seconds "$tmp/life" -engine hashlife -topology unbounded -pattern "$tmp/$name.rle" -gens "$gens" -print none)"
		fi
	done
} | awk '
/^BenchmarkHashlife\// {
	name = $1; sub(/^BenchmarkHashlife\//, "", name); sub(/-[0-9]+$/, "", name)
	delete m; for (i = 3; i < NF; i += 2) m[$(i+1)] = $i
	order[++n] = name; warm[name] = m["ns/op"] / 1e6; nodes[name] = m["nodes"]; mb[name] = m["MB"]
}
/^Cold / { cold[name] = $2 / 1e6 }
/^Bgolly / { bp[$2] = $3 * 1000; bb[$2] = $4 * 1000 }
/^Cli / { cli[$2] = $3 * 1000 }
function f(v) { return v == "" ? "-" : sprintf("%.1f", v) }
function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.2f", a / b) }
END {
	printf "\n%-40s %9s %7s %9s %9s %9s %7s %9s %9s %7s\n", "hashlife case", "nodes", "MB", "cold ms", "warm ms", "bgolly-b", "x -b", "CLI ms", "bgolly", "x proc"
	for (i = 1; i <= n; i++) {
		c = order[i]
		printf "%-40s %9d %7.1f %9s %9s %9s %7s %9s %9s %7s\n", c, nodes[c], mb[c], f(cold[c]), f(warm[c]), f(bb[c]), ratio(cold[c], bb[c]), f(cli[c]), f(bp[c]), ratio(cli[c], bp[c])
	}
	print "(cold: BenchmarkHashlife, one run in a fresh process, a fresh engine; warm: the same runs in one process; bgolly-b: bgolly -a HashLife by its own -b clock"
	print " (the file read not counted); x -b: cold / bgolly-b; CLI: life -engine hashlife -print none, the whole process; bgolly: bgolly the whole process; x proc: CLI / bgolly;"
	print " each the fastest of the runs, in ms)"
}'
