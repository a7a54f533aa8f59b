#include "damage/command_line.h"

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <system_error>

namespace wenshu::damage {
namespace {

template <typename Number>
bool ParseNumber(std::string_view text, Number* value) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string Usage(std::string_view tool, unsigned flags) {
  std::string usage = "usage: " + std::string(tool);
  if (flags & kInputFlag) usage += " [--shared DIR | --input SET.jsonl]";
  if ((flags & kSharedFlag) && !(flags & kInputFlag)) usage += " [--shared DIR]";
  if (flags & kSetFlags) usage += " [--seed N] [--copies K] [--clean-fraction F]";
  if (flags & kOutputFlag) usage += " [-o FILE]";
  if (flags & kExamplesFlag) usage += " [--examples N]";
  if (flags & kCheckFlag) usage += " [--check]";
  return usage + "\n";
}

bool ParseCommandLine(int argc, const char* const* argv, std::string_view tool, unsigned flags,
                      CommandLine* out) {
  const char* env = std::getenv("WENSHU_SHARED_DIR");
  out->shared = env ? env : "";
  auto fail = [&](const std::string& problem) {
    std::cerr << tool << ": " << problem << "\n" << Usage(tool, flags);
    return false;
  };
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    auto takes = [&](std::string_view name, unsigned needed) { return flag == name && (flags & needed); };
    if (flag == "-h" || flag == "--help") {
      std::cout << Usage(tool, flags);
      out->help = true;
      return true;
    }
    if (takes("--check", kCheckFlag)) {
      out->check = true;
      continue;
    }
    const bool with_value = takes("--shared", kSharedFlag) || takes("--input", kInputFlag) ||
                            takes("-o", kOutputFlag) || takes("--output", kOutputFlag) ||
                            takes("--seed", kSetFlags) || takes("--copies", kSetFlags) ||
                            takes("--clean-fraction", kSetFlags) || takes("--examples", kExamplesFlag);
    if (!with_value) return fail("unknown argument " + std::string(flag));
    if (i + 1 >= argc) return fail(std::string(flag) + " needs a value");
    const std::string_view value = argv[++i];
    const std::string bad = "bad value for " + std::string(flag) + ": " + std::string(value);
    if (flag == "--shared") {
      out->shared = value;
    } else if (flag == "--input") {
      out->input = value;
    } else if (flag == "-o" || flag == "--output") {
      out->output = value;
    } else if (flag == "--seed") {
      if (!ParseNumber(value, &out->set.seed)) return fail(bad);
    } else if (flag == "--copies") {
      if (!ParseNumber(value, &out->set.copies) || out->set.copies < 1) return fail(bad);
    } else if (flag == "--clean-fraction") {
      double f = 0;
      if (!ParseNumber(value, &f) || !(f >= 0 && f <= 1)) return fail(bad);
      out->set.clean_fraction = f;
    } else if (flag == "--examples") {
      if (!ParseNumber(value, &out->examples)) return fail(bad);
    }
  }
  return true;
}

}  // namespace wenshu::damage
