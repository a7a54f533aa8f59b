#!/usr/bin/env bash
# Start-up cost: the first wenshu_parse in a fresh process, and the whole process (exec to exit).
#
#   bench/startup.sh [BUILD_DIR] [FILE] [RUNS]
#
# FILE defaults to the seed report of WENSHU_SHARED_DIR (13.7 KB), else the bundled sample. Prints the
# medians over RUNS fresh processes (default 21) of the first call, the second call (warm) and the
# process wall time, in milliseconds (the calls also in thread CPU time, steadier on a shared machine),
# and the page faults of each call.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build/default}"
file="${2:-}"
runs="${3:-21}"
if [ -z "$file" ]; then
  seed="${WENSHU_SHARED_DIR:-}/seeds/000_ce9821eab23f2b85.txt"
  if [ -n "${WENSHU_SHARED_DIR:-}" ] && [ -f "$seed" ]; then file="$seed"; else file="$root/examples/sample/report.txt"; fi
fi
bin="$build/bench/first_parse"
[ -x "$bin" ] || { echo "startup.sh: build $bin first (cmake --build ... --target first_parse)" >&2; exit 1; }
"$bin" "$file" >/dev/null  # page cache warm: measure the process, not the disk
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  line=$("$bin" "$file")
  end=$(date +%s%N)
  echo "$line process_ms $(( (end - start) / 1000 ))e-3"
done | awk -v file="$file" '
  {
    for (i = 1; i < NF; i += 2) v[$i] = $(i + 1) + 0
    first[NR] = v["first_ms"]; second[NR] = v["second_ms"]; first_cpu[NR] = v["first_cpu_ms"]
    second_cpu[NR] = v["second_cpu_ms"]; first_faults[NR] = v["first_faults"]; second_faults[NR] = v["second_faults"]
    proc[NR] = v["process_ms"]; bytes = v["bytes"]
  }
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    printf "%s (%d bytes), median of %d fresh processes:\n", file, bytes, NR
    printf "  first wenshu_parse %.2f ms (CPU %.2f ms), second %.2f ms (CPU %.2f ms), whole process %.2f ms\n",
      median(first, NR), median(first_cpu, NR), median(second, NR), median(second_cpu, NR), median(proc, NR)
    printf "  page faults: first call %d, second %d\n", median(first_faults, NR), median(second_faults, NR)
  }'
