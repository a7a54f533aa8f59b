#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 60), as many
# at once as there are cores (WENSHU_FUZZ_JOBS to change): each target still gets SECONDS of its own.
# New crashes land in build/fuzz/crashes/<target>/; copy one into tests/fuzz/corpus/<target>/ to make
# it a regression test that ctest replays under gcc.
#
#   tools/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
seconds="${1:-60}"
shift || true
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (apt-get install clang libclang-rt-14-dev); skipping" >&2
  exit 0
fi
build=build/fuzz
# -O1 with line tables, as libFuzzer's documentation builds: quicker to compile than -O2 -g and still
# symbolized (the build type's flags replaced: the top level would otherwise pick RelWithDebInfo's).
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
  -DWENSHU_BUILD_FUZZERS=ON -DWENSHU_BUILD_BENCH=OFF -DWENSHU_BUILD_EXAMPLES=OFF \
  -DWENSHU_SANITIZE="address;undefined" -DWENSHU_WERROR=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  for f in tests/fuzz/*_fuzzer.cc; do t="$(basename "$f" .cc)"; targets+=("${t%_fuzzer}"); done
fi
cmake --build "$build" -j "$(nproc)" --target $(printf '%s_fuzzer_libfuzzer ' "${targets[@]}")
run_one() {
  local t="$1" work="$build/corpus/$1" crashes="$build/crashes/$1" dict=()
  mkdir -p "$work" "$crashes"
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")  # tokens for that target
  echo "fuzz: $t for ${seconds}s" >&2
  if "$build/tests/fuzz/${t}_fuzzer_libfuzzer" -max_total_time="$seconds" -max_len=65536 \
       -timeout=20 -rss_limit_mb=4096 -artifact_prefix="$crashes/" -print_final_stats=1 "${dict[@]}" \
       "$work" "tests/fuzz/corpus/$t" 2> "$build/$t.log"; then
    echo "fuzz: $t: $(grep -E "stat::number_of_executed_units" "$build/$t.log" | tail -1)" >&2
  else
    echo "fuzz: $t FOUND A CRASH; see $build/$t.log and $crashes/" >&2
    tail -30 "$build/$t.log" >&2
    touch "$build/$t.failed"
  fi
}
jobs="${WENSHU_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}"
for t in "${targets[@]}"; do
  rm -f "$build/$t.failed"
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_one "$t" &
done
wait
status=0
for t in "${targets[@]}"; do [ ! -e "$build/$t.failed" ] || status=1; done
exit $status
