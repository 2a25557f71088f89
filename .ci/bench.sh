#!/usr/bin/env bash
# make bench's engine table (the Makefile gives the cases): each case in a
# process of its own, so that no case inherits another's goroutines, stacks or
# garbage, and the rows in one table.
#
#   BENCH_CASES   cases of BenchmarkEngine and BenchmarkFloor, run for
#                 BENCHTIME (10x: 10 generations)
#   DIRECT_CASES  cases of BenchmarkDirect (a 0.5 soup), run for DIRECT_GENS
#                 generations, and CLI: BenchmarkCLI (life's print mode on
#                 the 4096x4096 soup, set-up excluded)
#   BGOLLY_SIZES  the soups bgolly's QuickLife runs for DIRECT_GENS
#                 generations on the same torus, when bgolly is installed
#                 (Debian: apt-get install golly)
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
: "${BENCH_CASES?}" "${BENCHTIME?}" "${DIRECT_CASES?}" "${DIRECT_GENS?}" "${BGOLLY_SIZES?}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$GO" test -c -o "$tmp/life.test" ./life/sim/
"$GO" test -c -o "$tmp/cli.test" ./cmd/life/

# bench BINARY CASE BENCHTIME [FLAG...] runs one case and prints its line.
bench() {
	local bin=$1 c=$2 t=$3
	shift 3
	"$bin" -test.run '^$' -test.bench "^Benchmark$c\$" -test.benchmem -test.benchtime "$t" "$@" | grep '^Benchmark'
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
	for c in $BENCH_CASES; do bench "$tmp/life.test" "$c" "$BENCHTIME"; done
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
}
/^BenchmarkFloor\// {
	split($1, part, "/"); metrics()
	sub(/^size=/, "", part[2]); sub(/^procs=/, "", part[3]); sub(/-[0-9]+$/, "", part[3])
	row("floor", part[2], part[3], m["cells/s"], sprintf("%.1f", m["ns/msg"]), "-", "-")
}
/^BenchmarkDirect\// {
	split($1, part, "/"); metrics()
	sub(/^rule=/, "", part[2]); sub(/^size=/, "", part[3]); sub(/^procs=/, "", part[4]); sub(/-[0-9]+$/, "", part[4])
	row(part[2] == "life" ? "direct" : "direct " part[2], part[3], part[4], m["cells/s"], "-", sprintf("%.2f", m["B/cell"]), m["allocs/op"])
	quick[r] = part[2] == "life"
}
/^BenchmarkCLI/ {
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
}' 2>/dev/null
