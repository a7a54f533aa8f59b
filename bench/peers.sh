#!/usr/bin/env bash
# wenshu's tokenizer against other Chinese segmenters, each as a fresh process on the same text:
# ICU 72's dictionary word breaking (bench/icu_words), @node-rs/jieba (jieba-rs; installed from the
# npm registry into BUILD_DIR/peers for the benchmark only), Debian's python3-jieba, and cppjieba
# when its headers are installed (they are not packaged for Debian 12).
#
#   bench/peers.sh [BUILD_DIR] [TEXT_FILE] [ROUNDS]
#
# TEXT_FILE defaults to the national reports' text ($WENSHU_SHARED_DIR, the `content` fields, one
# document after another). Each tool runs on the text and on one short sentence, ROUNDS times
# (default 3), alternating tools; GNU time gives CPU time (user + system) and peak RSS. Reported,
# medians: start-up = CPU time on the sentence (loading the dictionary); MB/s = text bytes / (CPU time
# on the text - start-up); peak RSS on the text. CPU time, not wall time, because a shared machine
# stretches wall time unevenly; rerun on a quiet machine for final absolute figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:-$root/build/default}" && pwd)"
text="${2:-}"
rounds="${3:-3}"
work="$build/peers"
mkdir -p "$work"

if [ -z "$text" ]; then
  national="${WENSHU_SHARED_DIR:?set WENSHU_SHARED_DIR or pass TEXT_FILE}/corpora/gov-reports-national-1954-2025/government_work_reports.jsonl"
  text="$work/national.txt"
  /usr/bin/python3 -c 'import json,sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f: out.write(json.loads(line)["content"].rstrip("\n") + "\n")' "$national" "$text"
fi
short="$work/short.txt"
echo "全区现有中小学16所，在校学生26341人。" > "$short"

if [ ! -d "$work/node_modules/@node-rs/jieba" ] && command -v npm >/dev/null; then
  echo "peers.sh: installing @node-rs/jieba into $work (benchmark only)" >&2
  (cd "$work" && npm install --no-save --no-audit --no-fund @node-rs/jieba >/dev/null 2>&1) || true
fi

tools=(wenshu icu)
[ -x "$build/wenshu" ] || { echo "peers.sh: build $build/wenshu first" >&2; exit 1; }
[ -x "$build/bench/icu_words" ] || { echo "peers.sh: build the icu_words target first" >&2; exit 1; }
[ -d "$work/node_modules/@node-rs/jieba" ] && command -v node >/dev/null && tools+=(node-rs-jieba)
/usr/bin/python3 -c 'import jieba' 2>/dev/null && tools+=(python3-jieba)

run() {  # tool file -> "cpu_seconds peak_kib"
  local cmd
  case "$1" in
    wenshu) cmd=("$build/wenshu" tokenize "$2" --stats) ;;
    icu) cmd=("$build/bench/icu_words" "$2") ;;
    node-rs-jieba) cmd=(env NODE_PATH="$work/node_modules" node "$root/bench/peers/node_jieba.js" "$2") ;;
    python3-jieba) cmd=(/usr/bin/python3 "$root/bench/peers/python_jieba.py" "$2") ;;
  esac
  /usr/bin/time -f "%U %S %M" -o "$work/time.txt" "${cmd[@]}" >/dev/null 2>&1
  awk '{ printf "%.4f %d\n", $1 + $2, $3 }' "$work/time.txt"
}

bytes=$(stat -c %s "$text")
results="$work/results.txt"
: > "$results"
for round in $(seq "$rounds"); do
  for tool in "${tools[@]}"; do
    read -r cpu_text rss < <(run "$tool" "$text")
    read -r cpu_short _ < <(run "$tool" "$short")
    echo "$tool $cpu_text $cpu_short $rss" >> "$results"
  done
done

echo "text: $text ($bytes bytes), $rounds rounds, medians of CPU time"
printf "%-15s %10s %12s %14s\n" tool MB/s start-up_ms peak_RSS_MiB
for tool in "${tools[@]}"; do
  awk -v t="$tool" -v bytes="$bytes" '
    function median(a, n,   i, j, x) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { x = a[j]; a[j] = a[j - 1]; a[j - 1] = x }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    $1 == t { n++; full[n] = $2; start[n] = $3; rss[n] = $4 }
    END {
      s = median(start, n); f = median(full, n)
      printf "%-15s %10.1f %12.0f %14.1f\n", t, bytes / 1e6 / (f - s), s * 1000, median(rss, n) / 1024
    }' "$results"
done
