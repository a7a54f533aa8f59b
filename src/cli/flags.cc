#include "cli/flags.h"

#include <cstdlib>

namespace wenshu::cli {
namespace {

// Walks argv: options (with a value inline, --name=value or -Xvalue, or as the next argument) and inputs ("-",
// anything not starting with '-', everything after "--").
class ArgReader {
 public:
  ArgReader(int argc, char** argv) : argc_(argc), argv_(argv) {}

  // The next argument; false at the end.
  bool Next() {
    if (++i_ >= argc_) return false;
    raw_ = argv_[i_];
    name_ = raw_;
    inline_value_.reset();
    is_input_ = only_inputs_ || raw_ == "-" || raw_.empty() || raw_[0] != '-';
    if (!is_input_ && raw_ == "--") {
      only_inputs_ = true;
      return Next();
    }
    if (!is_input_ && raw_.rfind("--", 0) == 0) {
      if (const size_t eq = raw_.find('='); eq != std::string::npos) {
        inline_value_ = raw_.substr(eq + 1);
        name_ = raw_.substr(0, eq);
      }
    } else if (!is_input_ && raw_.size() > 2) {
      // A short option with its value attached, as getopt allows: -j1, -fjsonl, -oout.jsonl. (A switch
      // so written, -q1, is refused like --quiet=1; switches are not bundled.)
      inline_value_ = raw_.substr(2);
      name_ = raw_.substr(0, 2);
    }
    return true;
  }

  bool is_input() const { return is_input_; }
  const std::string& raw() const { return raw_; }
  // The option's name without an inline value.
  bool Is(std::string_view a, std::string_view b = {}) const { return name_ == a || (!b.empty() && name_ == b); }
  // A switch takes no value: `--stats=1` is refused instead of ignored.
  bool IsSwitch(std::string_view a, std::string_view b = {}) const { return Is(a, b) && !inline_value_; }

  bool TakeValue(std::string* out) {
    if (inline_value_) {
      *out = *inline_value_;
      return true;
    }
    if (i_ + 1 >= argc_) return false;
    *out = argv_[++i_];
    return true;
  }

  std::string Unknown() const { return "unknown option '" + raw_ + "'"; }

 private:
  int argc_;
  char** argv_;
  int i_ = 0;
  std::string raw_, name_;
  std::optional<std::string> inline_value_;
  bool is_input_ = false;
  bool only_inputs_ = false;
};

std::string Range(uint64_t min, uint64_t max) {
  return "a number from " + std::to_string(min) + " to " + std::to_string(max);
}

// Reads `name`'s value as a count in [min, max] into *out.
template <typename T>
bool TakeCount(ArgReader& args, std::string_view name, uint64_t min, uint64_t max, T* out,
               std::string* error) {
  std::string v;
  uint64_t n = 0;
  if (!args.TakeValue(&v) || !ParseCount(v, min, max, &n)) {
    *error = std::string(name) + " needs " + Range(min, max) + (v.empty() ? "" : ", got '" + v + "'");
    return false;
  }
  *out = static_cast<T>(n);
  return true;
}

bool TakeNonEmpty(ArgReader& args, std::string_view what, std::string* out, std::string* error) {
  if (!args.TakeValue(out) || out->empty()) {
    *error = std::string(args.raw().substr(0, args.raw().find('='))) + " needs " + std::string(what);
    return false;
  }
  return true;
}

bool TakeDisable(ArgReader& args, RepairOptions* options, std::string* error) {
  std::string v;
  if (!args.TakeValue(&v) || v.empty()) {
    *error = "--disable needs a rule id";
    return false;
  }
  return AddDisabledRule(v, options, error);
}

bool TakeMaxBytes(ArgReader& args, uint64_t min, uint64_t* out, std::string* error) {
  return TakeCount(args, "--max-bytes", min, kMaxMaxBytes, out, error);
}

}  // namespace

bool ParseCount(std::string_view text, uint64_t min, uint64_t max, uint64_t* out) {
  if (text.empty()) return false;
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (digit > max || v > (max - digit) / 10) return false;  // over max (and never overflows)
    v = v * 10 + digit;
  }
  if (v < min) return false;
  *out = v;
  return true;
}

bool AddDisabledRule(std::string_view id, RepairOptions* options, std::string* error) {
  if (!NamesRepairRules(id)) {
    *error = "unknown rule '" + std::string(id) + "'";
    if (NamesRepairRules(std::string(id) + ".")) {
      *error += " (a family needs its trailing dot: '" + std::string(id) + ".')";
    }
    *error += "; see wenshu repair --list-rules";
    return false;
  }
  options->disabled_rules.insert(std::string(id));
  return true;
}

// --encoding auto|NAME, the same in every command.
bool TakeEncoding(ArgReader& args, std::string* encoding, std::string* error) {
  std::string v;
  if (!args.TakeValue(&v) || v.empty()) {
    *error = "--encoding needs auto or an encoding name";
    return false;
  }
  if (!IsKnownEncoding(v)) {
    *error = "unknown encoding '" + v + "'";
    return false;
  }
  *encoding = v;
  return true;
}

FlagsOutcome ParseFlagsForParse(int argc, char** argv, ParseFlags* flags, std::string* error) {
  ArgReader args(argc, argv);
  std::string v;
  int stdin_inputs = 0;
  while (args.Next()) {
    if (args.is_input()) {
      flags->inputs.push_back(args.raw());
      if (args.raw() == "-" && ++stdin_inputs > 1) {
        *error = "standard input (-) given twice: it can be read only once";
        return FlagsOutcome::kUsageError;
      }
    } else if (args.IsSwitch("-h", "--help")) {
      return FlagsOutcome::kHelp;
    } else if (args.Is("-f", "--format")) {
      if (!args.TakeValue(&v)) {
        *error = "--format needs a value";
        return FlagsOutcome::kUsageError;
      }
      if (v == "json") {
        flags->format = Format::kJson;
      } else if (v == "jsonl") {
        flags->format = Format::kJsonl;
      } else if (v == "csv") {
        flags->format = Format::kCsv;
      } else {
        *error = "unknown format '" + v + "' (json, jsonl or csv)";
        return FlagsOutcome::kUsageError;
      }
    } else if (args.Is("-o", "--output")) {
      if (!TakeNonEmpty(args, "a path", &flags->output, error)) return FlagsOutcome::kUsageError;
    } else if (args.Is("-j", "--jobs")) {
      if (!TakeCount(args, "--jobs", 0, kMaxJobs, &flags->jobs, error)) return FlagsOutcome::kUsageError;
    } else if (args.IsSwitch("--jsonl")) {
      flags->force_jsonl = true;
    } else if (args.Is("--input-format")) {
      std::optional<InputFormat> f;
      if (!args.TakeValue(&v) || !(f = InputFormatFromName(v))) {
        *error = "--input-format needs auto, text, html, docx, jsonl, json, csv or tsv";
        return FlagsOutcome::kUsageError;
      }
      flags->input_format = *f;
    } else if (args.Is("--encoding")) {
      if (!TakeEncoding(args, &flags->encoding, error)) return FlagsOutcome::kUsageError;
    } else if (args.IsSwitch("-v", "--verbose")) {
      flags->verbose = true;
    } else if (args.Is("--text-field")) {
      if (!TakeNonEmpty(args, "a field name", &v, error)) return FlagsOutcome::kUsageError;
      flags->text_field = v;
    } else if (args.Is("--id-field")) {
      if (!TakeNonEmpty(args, "a field name", &flags->id_field, error)) return FlagsOutcome::kUsageError;
      flags->id_field_given = true;
    } else if (args.Is("--title-field")) {
      if (!args.TakeValue(&flags->title_field)) {
        *error = "--title-field needs a field name";
        return FlagsOutcome::kUsageError;
      }
      flags->title_field_given = !flags->title_field.empty();
    } else if (args.Is("--max-bytes")) {
      if (!TakeMaxBytes(args, 1, &flags->max_bytes, error)) return FlagsOutcome::kUsageError;
    } else if (args.Is("--disable")) {
      if (!TakeDisable(args, &flags->repair, error)) return FlagsOutcome::kUsageError;
    } else if (args.IsSwitch("--no-checks")) {
      flags->run_checks = false;
    } else if (args.IsSwitch("--progress")) {
      flags->progress = 1;
    } else if (args.IsSwitch("-q", "--quiet")) {
      flags->progress = 0;
    } else {
      *error = args.Unknown();
      return FlagsOutcome::kUsageError;
    }
  }
  return FlagsOutcome::kRun;
}

FlagsOutcome ParseFlagsForRepair(int argc, char** argv, RepairFlags* flags, std::string* error) {
  ArgReader args(argc, argv);
  std::string v;
  bool have_input = false;
  while (args.Next()) {
    if (args.is_input()) {
      if (have_input) {
        *error = "repair takes one input, got '" + flags->input + "' and '" + args.raw() + "'";
        return FlagsOutcome::kUsageError;
      }
      flags->input = args.raw();
      have_input = true;
    } else if (args.IsSwitch("-h", "--help")) {
      return FlagsOutcome::kHelp;
    } else if (args.IsSwitch("--list-rules")) {
      flags->list_rules = true;
    } else if (args.IsSwitch("--diff")) {
      flags->diff = true;
    } else if (args.IsSwitch("--html")) {
      flags->html = true;
    } else if (args.Is("--encoding")) {
      if (!TakeEncoding(args, &flags->encoding, error)) return FlagsOutcome::kUsageError;
    } else if (args.Is("--format")) {
      if (!args.TakeValue(&v) || (v != "text" && v != "json")) {
        *error = "--format needs text or json";
        return FlagsOutcome::kUsageError;
      }
      flags->json_format = v == "json";
    } else if (args.Is("--color", "--colour")) {
      if (!args.TakeValue(&v) || (v != "auto" && v != "always" && v != "never")) {
        *error = "--color needs auto, always or never";
        return FlagsOutcome::kUsageError;
      }
      flags->color = v;
    } else if (args.Is("--disable")) {
      if (!TakeDisable(args, &flags->repair, error)) return FlagsOutcome::kUsageError;
    } else if (args.Is("--min-confidence")) {
      char* end = nullptr;
      double x = 0;
      if (args.TakeValue(&v)) x = std::strtod(v.c_str(), &end);
      if (end == nullptr || end == v.c_str() || *end != '\0' || !(x >= 0 && x <= 1)) {
        *error = "--min-confidence needs a number from 0 to 1";
        return FlagsOutcome::kUsageError;
      }
      flags->repair.min_confidence = x;
    } else if (args.Is("--max-bytes")) {
      if (!TakeMaxBytes(args, 1, &flags->max_bytes, error)) return FlagsOutcome::kUsageError;
    } else if (args.Is("-o", "--output")) {
      if (!TakeNonEmpty(args, "a path", &flags->output, error)) return FlagsOutcome::kUsageError;
    } else {
      *error = args.Unknown();
      return FlagsOutcome::kUsageError;
    }
  }
  if (flags->diff && flags->html) {
    *error = "--diff and --html are two different outputs: choose one";
    return FlagsOutcome::kUsageError;
  }
  if (flags->json_format && !flags->diff) {
    *error = "--format json goes with --diff";
    return FlagsOutcome::kUsageError;
  }
  return FlagsOutcome::kRun;
}

FlagsOutcome ParseFlagsForTokenize(int argc, char** argv, TokenizeFlags* flags, std::string* error) {
  ArgReader args(argc, argv);
  while (args.Next()) {
    if (args.is_input()) {
      if (!flags->input.empty() || args.raw().empty()) {
        *error = args.raw().empty() ? "an empty input name"
                                    : "only one input, got '" + flags->input + "' and '" + args.raw() + "'";
        return FlagsOutcome::kUsageError;
      }
      flags->input = args.raw();
    } else if (args.IsSwitch("-h", "--help")) {
      return FlagsOutcome::kHelp;
    } else if (args.IsSwitch("--stats")) {
      flags->stats = true;
    } else if (args.Is("--encoding")) {
      if (!TakeEncoding(args, &flags->encoding, error)) return FlagsOutcome::kUsageError;
    } else if (args.Is("--chunk-bytes")) {
      if (!TakeCount(args, "--chunk-bytes", 1, kMaxChunkBytes, &flags->chunk_bytes, error))
        return FlagsOutcome::kUsageError;
    } else if (args.Is("--max-token-bytes")) {
      if (!TakeCount(args, "--max-token-bytes", TokenizerOptions::kMinTokenBytes,
                     TokenizerOptions::kMaxTokenBytes, &flags->options.max_token_bytes, error))
        return FlagsOutcome::kUsageError;
    } else if (args.Is("--max-bytes")) {
      if (!TakeMaxBytes(args, 1, &flags->max_bytes, error)) return FlagsOutcome::kUsageError;
    } else if (args.Is("--dict")) {
      if (!TakeNonEmpty(args, "a path", &flags->dict_path, error)) return FlagsOutcome::kUsageError;
    } else if (args.Is("-o", "--output")) {
      if (!TakeNonEmpty(args, "a path", &flags->output, error)) return FlagsOutcome::kUsageError;
    } else {
      *error = args.Unknown();
      return FlagsOutcome::kUsageError;
    }
  }
  return FlagsOutcome::kRun;
}

FlagsOutcome ParseFlagsForTargets(int argc, char** argv, TargetsFlags* flags, std::string* error) {
  // The table options are taken out here; everything else is parse's and read by its parser, so the
  // inputs, their decoding and the repair switches behave the same in both commands.
  std::vector<char*> rest;
  rest.push_back(argc > 0 ? argv[0] : nullptr);
  std::string v;
  bool table_given = false;
  auto set_table = [&](TargetsFlags::Table t) {
    if (table_given && flags->table != t) {
      *error = "--long, --compare and --table name one table: choose one";
      return false;
    }
    table_given = true;
    flags->table = t;
    return true;
  };
  bool only_inputs = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (only_inputs || a == "-" || a.empty() || a[0] != '-') {
      rest.push_back(argv[i]);
      continue;
    }
    if (a == "--") {
      only_inputs = true;
      rest.push_back(argv[i]);
      continue;
    }
    const size_t eq = a.find('=');
    const std::string_view name = a.rfind("--", 0) == 0 && eq != std::string_view::npos ? a.substr(0, eq) : a;
    auto value = [&](std::string* out) {
      if (name.size() < a.size()) {
        *out = std::string(a.substr(eq + 1));
        return true;
      }
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    if (a == "--long") {
      if (!set_table(TargetsFlags::Table::kLong)) return FlagsOutcome::kUsageError;
    } else if (a == "--compare") {
      if (!set_table(TargetsFlags::Table::kCompare)) return FlagsOutcome::kUsageError;
    } else if (name == "--table") {
      if (!value(&v) || (v != "wide" && v != "long" && v != "compare")) {
        *error = "--table needs wide, long or compare";
        return FlagsOutcome::kUsageError;
      }
      if (!set_table(v == "wide" ? TargetsFlags::Table::kWide
                                 : v == "long" ? TargetsFlags::Table::kLong : TargetsFlags::Table::kCompare)) {
        return FlagsOutcome::kUsageError;
      }
    } else if (name == "-f" || name == "--format") {
      if (!value(&v) || (v != "csv" && v != "md" && v != "markdown")) {
        *error = "--format needs csv or md";
        return FlagsOutcome::kUsageError;
      }
      flags->markdown = v != "csv";
    } else if (a == "--jsonl" || a == "--no-checks" || a == "--progress" || a == "-q" || a == "--quiet" ||
               a == "-v" || a == "--verbose" || a == "-h" || a == "--help" || name.size() < a.size()) {
      rest.push_back(argv[i]);  // a switch, or an option with its value inline
    } else {
      rest.push_back(argv[i]);  // an option of parse's and (when it takes one) its value
      static constexpr std::string_view kWithValue[] = {"-o", "--output", "-j", "--jobs", "--input-format",
                                                        "--encoding", "--text-field", "--id-field",
                                                        "--title-field", "--max-bytes", "--disable"};
      for (std::string_view w : kWithValue) {
        if (a == w && i + 1 < argc) {
          rest.push_back(argv[++i]);
          break;
        }
      }
    }
  }
  rest.push_back(nullptr);
  return ParseFlagsForParse(static_cast<int>(rest.size()) - 1, rest.data(), &flags->parse, error);
}

InputOptions InputOptionsOf(const ParseFlags& flags) {
  InputOptions o;
  o.encoding = flags.encoding;
  o.format = flags.force_jsonl ? InputFormat::kJsonl : flags.input_format;
  o.text_field = flags.text_field;
  o.id_field = flags.id_field;
  o.title_field = flags.title_field;
  o.id_field_given = flags.id_field_given;
  o.title_field_given = flags.title_field_given;
  o.max_bytes = flags.max_bytes;
  return o;
}

}  // namespace wenshu::cli
