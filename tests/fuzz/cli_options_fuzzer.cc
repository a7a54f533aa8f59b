// The option parsing of every `wenshu` command (src/cli/flags.h) on any argument list: it never crashes
// or aborts, is deterministic, explains every refusal, and whatever it accepts is inside the documented
// ranges: counts within their bounds, --disable only names rules the registry knows, standard input
// named at most once, no empty output path, one input for repair and tokenize.
//
// Input: the first byte picks the command (parse, repair, tokenize), the rest is the argument list with
// NUL bytes between the arguments.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/flags.h"
#include "fuzz_support.h"
#include "wenshu/repair.h"

namespace {

using wenshu::cli::FlagsOutcome;

constexpr size_t kMaxArgs = 64;

void CheckRules(const wenshu::RepairOptions& repair) {
  for (const std::string& id : repair.disabled_rules) FUZZ_CHECK(wenshu::NamesRepairRules(id));
  FUZZ_CHECK(repair.min_confidence >= 0 && repair.min_confidence <= 1);
}

void CheckMaxBytes(uint64_t max_bytes, bool zero_allowed) {
  FUZZ_CHECK((zero_allowed && max_bytes == 0) || (max_bytes >= 1 && max_bytes <= wenshu::cli::kMaxMaxBytes));
}

void CheckOutcome(FlagsOutcome outcome, const std::string& error) {
  FUZZ_CHECK(outcome == FlagsOutcome::kRun || outcome == FlagsOutcome::kHelp ||
             outcome == FlagsOutcome::kUsageError);
  FUZZ_CHECK((outcome == FlagsOutcome::kUsageError) == !error.empty());
}

// Runs `parse` twice on fresh copies of the arguments: the outcome and message must not change.
template <typename Flags, typename Parse, typename Check>
void Run(std::vector<std::string> args, Parse parse, Check check) {
  FlagsOutcome outcomes[2];
  std::string errors[2];
  for (int round = 0; round < 2; ++round) {
    std::vector<std::string> copy = args;  // the parser may not rely on argv staying unchanged
    std::vector<char*> argv;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    Flags flags;
    outcomes[round] = parse(static_cast<int>(copy.size()), argv.data(), &flags, &errors[round]);
    CheckOutcome(outcomes[round], errors[round]);
    if (outcomes[round] == FlagsOutcome::kRun) check(flags);
  }
  FUZZ_CHECK(outcomes[0] == outcomes[1] && errors[0] == errors[1]);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int command = data[0] % 3;
  std::vector<std::string> args{command == 0 ? "parse" : command == 1 ? "repair" : "tokenize"};
  std::string current;
  bool any = false;
  for (size_t i = 1; i < size && args.size() < kMaxArgs; ++i) {
    any = true;
    if (data[i] == 0) {
      args.push_back(current);
      current.clear();
    } else {
      current.push_back(static_cast<char>(data[i]));
    }
  }
  if (any && args.size() < kMaxArgs) args.push_back(current);

  if (command == 0) {
    Run<wenshu::cli::ParseFlags>(args, wenshu::cli::ParseFlagsForParse, [](const wenshu::cli::ParseFlags& f) {
      FUZZ_CHECK(f.jobs <= wenshu::cli::kMaxJobs);
      CheckMaxBytes(f.max_bytes, false);
      CheckRules(f.repair);
      int stdin_inputs = 0;
      for (const std::string& in : f.inputs) stdin_inputs += in == "-";
      FUZZ_CHECK(stdin_inputs <= 1);
      FUZZ_CHECK(f.inputs.size() < kMaxArgs);
      FUZZ_CHECK(!f.id_field.empty());
      FUZZ_CHECK(!f.text_field || !f.text_field->empty());
      FUZZ_CHECK(f.progress >= -1 && f.progress <= 1);
    });
  } else if (command == 1) {
    Run<wenshu::cli::RepairFlags>(args, wenshu::cli::ParseFlagsForRepair, [](const wenshu::cli::RepairFlags& f) {
      CheckMaxBytes(f.max_bytes, false);
      CheckRules(f.repair);
      FUZZ_CHECK(!std::isnan(f.repair.min_confidence));
    });
  } else {
    Run<wenshu::cli::TokenizeFlags>(args, wenshu::cli::ParseFlagsForTokenize,
                                    [](const wenshu::cli::TokenizeFlags& f) {
                                      FUZZ_CHECK(f.chunk_bytes >= 1 && f.chunk_bytes <= wenshu::cli::kMaxChunkBytes);
                                      FUZZ_CHECK(f.options.max_token_bytes >= wenshu::TokenizerOptions::kMinTokenBytes &&
                                                 f.options.max_token_bytes <= wenshu::TokenizerOptions::kMaxTokenBytes);
                                      CheckMaxBytes(f.max_bytes, true);
                                    });
  }
  return 0;
}
