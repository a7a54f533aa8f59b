#!/bin/sh
# Furniture removal measured on a damaged set from tools/damage: generates the set (the number helper's
# wenshu_damage: 30% of documents get a site header, 30% running page footers) and runs
# page_furniture_test's DamageSet test, which prints the removal rate and any over-removal.
#   tools/vocab/furniture_eval.sh [build-dir] [seed]      (needs WENSHU_SHARED_DIR, default /work/shared)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/txt}
seed=${2:-20261129}
shared=${WENSHU_SHARED_DIR:-/work/shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/tools/damage/wenshu_damage" --shared "$shared" --seed "$seed" -o "$tmp/set.jsonl"
WENSHU_SHARED_DIR="$shared" WENSHU_TEST_DATA="$root/tests/data" WENSHU_DAMAGE_SET="$tmp/set.jsonl" \
    "$build/tests/page_furniture_test" --gtest_filter='DamageSet.*' | grep -E '^furniture-eval|Failure|FAILED' || true
