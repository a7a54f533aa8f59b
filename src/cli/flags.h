// The options of each `wenshu` command, parsed without running anything: the commands call these, and
// so does the option-parser fuzz target (tests/fuzz/cli_options_fuzzer.cc). One argument reader and one
// set of value checks serve every command, so `--x=value`, `--`, `-`, number ranges and --disable
// behave the same everywhere.
#ifndef WENSHU_SRC_CLI_FLAGS_H_
#define WENSHU_SRC_CLI_FLAGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wenshu/input.h"
#include "wenshu/repair.h"
#include "wenshu/report.h"
#include "wenshu/tokenizer.h"

namespace wenshu::cli {

// What a command should do after its options were read.
enum class FlagsOutcome { kRun, kHelp, kUsageError };

// Every command refuses a --max-bytes above this: no machine holds a document of a TiB, and the bound
// keeps size arithmetic far from overflow.
inline constexpr uint64_t kMaxMaxBytes = uint64_t{1} << 40;
// The default --max-bytes of every command that holds a whole document: the library's own default.
inline const uint64_t kDefaultMaxBytes = ParseOptions{}.max_bytes;
// parse --jobs: more threads than this gain nothing on any machine wenshu runs on and each holds up to
// 4 documents in flight.
inline constexpr uint64_t kMaxJobs = 1024;
// tokenize --chunk-bytes: the read buffer. Larger buffers gain nothing (`tokenize --stats` on the 3.3 MB
// national corpus file, a loaded 2-core machine: 4 KiB 2.9-3.5, 64 KiB 3.5, 1 MiB 3.5, 64 MiB 1.2-1.4
// MB/s) and only cost memory; 1 GiB leaves room for experiments and refuses the terabyte typo.
inline constexpr uint64_t kMaxChunkBytes = uint64_t{1} << 30;

enum class Format { kAuto, kJson, kJsonl, kCsv };

struct ParseFlags {
  std::vector<std::string> inputs;
  Format format = Format::kAuto;
  std::string output;
  unsigned jobs = 0;
  bool force_jsonl = false;
  InputFormat input_format = InputFormat::kAuto;
  std::string encoding = "auto";
  bool verbose = false;
  std::vector<std::string> meta_columns;  // CSV/TSV columns written into the facts CSV
  std::optional<std::string> text_field;
  std::string id_field = "id";
  std::string title_field = "title";
  bool id_field_given = false, title_field_given = false;
  size_t max_bytes = kDefaultMaxBytes;
  int progress = -1;  // -1 auto, 0 off, 1 on
  bool run_checks = true;
  RepairOptions repair;
};

struct RepairFlags {
  std::string input;  // empty: none given
  std::string output;
  bool diff = false;         // a unified diff of the original and the repaired text
  bool html = false;         // a self-contained review page
  bool json_format = false;  // --diff --format json
  std::string color = "auto";  // --color auto|always|never for --diff
  bool list_rules = false;
  size_t max_bytes = kDefaultMaxBytes;
  std::string encoding = "auto";  // --encoding auto|NAME
  RepairOptions repair;
};

struct TokenizeFlags {
  std::string input;  // empty: none given
  std::string output;
  std::string dict_path;
  size_t chunk_bytes = 64 * 1024;
  uint64_t max_bytes = 0;  // 0: no limit (tokenize streams in bounded memory)
  bool stats = false;
  std::string encoding = "auto";  // --encoding auto|NAME
  TokenizerOptions options;
};

// `wenshu targets`: the tables of targets (src/cli/targets_command.cc). Inputs and their options are
// parse's (the same flags, read by ParseFlagsForParse); --format is csv or md here.
struct TargetsFlags {
  enum class Table { kWide, kLong, kCompare };
  Table table = Table::kWide;
  bool markdown = false;
  ParseFlags parse;
};

// argv[0] is the command name. On kUsageError, *error says what is wrong (one line, no usage text).
FlagsOutcome ParseFlagsForParse(int argc, char** argv, ParseFlags* flags, std::string* error);
// How parse's (and targets') inputs are read: encoding, format, field names, size limit.
InputOptions InputOptionsOf(const ParseFlags& flags);
FlagsOutcome ParseFlagsForRepair(int argc, char** argv, RepairFlags* flags, std::string* error);
FlagsOutcome ParseFlagsForTokenize(int argc, char** argv, TokenizeFlags* flags, std::string* error);
FlagsOutcome ParseFlagsForTargets(int argc, char** argv, TargetsFlags* flags, std::string* error);

// Reads a decimal count in [min, max] (digits only: no sign, exponent or suffix). False when it is not
// one or is out of range.
bool ParseCount(std::string_view text, uint64_t min, uint64_t max, uint64_t* out);

// Adds a --disable value to *options after checking it against the rule registry. False with *error
// naming the problem (and the family it may have meant: "vocab" -> "vocab.").
bool AddDisabledRule(std::string_view id, RepairOptions* options, std::string* error);

}  // namespace wenshu::cli

#endif  // WENSHU_SRC_CLI_FLAGS_H_
