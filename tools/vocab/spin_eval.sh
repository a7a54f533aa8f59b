#!/bin/sh
# Held-out evaluation of vocab.spun: builds the vocabulary model from one half of the clean corpus
# documents, spins the other half with the pair list (tests/repair/spun_vocab_test.cc, SpinEval), and
# prints restoration precision/recall, diagnosis rates and the ungated false-change rate on clean text.
#
#   tools/vocab/spin_eval.sh [build-dir]        (needs WENSHU_SHARED_DIR, default /work/shared)
# Environment: WENSHU_SPIN_RATE (share of originals spun, default 1.0), WENSHU_VOCAB_SCORING
# ("context_prior,second_char_prior,dictionary_word_weight,spin_log_prior[,window_prior,window_weight,window_clip]") to try other settings.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/txt}
shared=${WENSHU_SHARED_DIR:-/work/shared}
dict=${WENSHU_JIEBA_DICT:-/usr/lib/python3/dist-packages/jieba/dict.txt}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for train in odd even; do
  if [ "$train" = odd ]; then test_split=even; else test_split=odd; fi
  /usr/bin/python3 "$here/build_model.py" --shared "$shared" --jieba-dict "$dict" \
      --pairs "$here/pairs.tsv" --out "$tmp/model_$train.tsv" --split "$train" 2>/dev/null
  echo "== model trained on $train documents, measured on $test_split documents"
  WENSHU_SHARED_DIR="$shared" WENSHU_TEST_DATA="$root/tests/data" \
  WENSHU_VOCAB_EVAL_MODEL="$tmp/model_$train.tsv" WENSHU_VOCAB_EVAL_SPLIT="$test_split" \
      "$build/tests/spun_vocab_test" --gtest_filter='SpinEval.*' | grep -E '^spin-eval|FAILED|Failure' || true
done
