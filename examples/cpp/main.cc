// A C++ host of wenshu: parses one report with the C++ API, prints its title and what was found (the
// same lines as examples/c), then its figures, and streams the file through the tokenizer in small
// chunks to count tokens per kind.
//
//   parse_report_cpp report.txt
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "wenshu/report.h"
#include "wenshu/tokenizer.h"
#include "wenshu/version.h"

namespace {

size_t CountSections(const std::vector<wenshu::Section>& sections) {
  size_t n = sections.size();
  for (const wenshu::Section& s : sections) n += CountSections(s.children);
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot open\n";
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string input = buffer.str();

  wenshu::ParseOptions options;
  options.source.name = argv[1];
  absl::StatusOr<wenshu::Report> report = wenshu::Parse(input, options);
  if (!report.ok()) {
    std::cerr << argv[1] << ": " << report.status() << "\n";
    return 1;
  }
  size_t failed = 0;
  for (const wenshu::ReportCheck& c : report->checks) failed += c.status == wenshu::CheckStatus::kFail;
  std::cout << "title: " << report->title.value_or("(none)") << "\n"
            << "sections: " << CountSections(report->sections) << "\n"
            << "quantities: " << report->quantities.size() << "\n"
            << "changes: " << report->changes.size() << "\n"
            << "dates: " << report->dates.size() << "\n"
            << "repairs: " << report->repairs.size() << "\n"
            << "flags: " << report->flags.size() << "\n"
            << "checks: " << report->checks.size() << "\n"
            << "failed checks: " << failed << "\n"
            << "--\n";

  std::cout << "wenshu " << wenshu::Version() << ", kind " << wenshu::ReportKindName(report->kind)
            << "\n";
  for (size_t i = 0; i < report->quantities.size() && i < 5; ++i) {
    const wenshu::Quantity& q = report->quantities[i];
    std::cout << "  " << q.text << " [" << q.span.begin << "," << q.span.end << ") unit "
              << (q.unit.empty() ? "-" : q.unit)
              << (q.subject.empty() ? std::string() : " subject " + std::string(q.subject))
              << "\n";
  }
  for (const wenshu::RepairRecord& r : report->repairs) {
    std::cout << "  repair " << r.rule << ": \"" << r.before << "\" -> \"" << r.after << "\" ("
              << r.confidence << ")\n";
  }

  // Streaming: 7-byte chunks cut most characters in two; the tokens do not change.
  wenshu::Tokenizer tokenizer;
  std::array<size_t, wenshu::kTokenKindCount> per_kind{};
  wenshu::Token token;
  uint64_t bytes = 0;
  for (size_t at = 0; at <= input.size(); at += 7) {
    if (at < input.size()) {
      if (absl::Status s = tokenizer.Feed(std::string_view(input).substr(at, 7)); !s.ok()) {
        std::cerr << s << "\n";
        return 1;
      }
    } else {
      tokenizer.Finish();
    }
    while (tokenizer.Next(&token)) {
      ++per_kind[static_cast<size_t>(token.kind)];
      bytes += token.text.size();
    }
  }
  std::cout << "tokens:";
  for (int k = 0; k < wenshu::kTokenKindCount; ++k) {
    if (per_kind[k] != 0) {
      std::cout << " " << wenshu::TokenKindName(static_cast<wenshu::TokenKind>(k)) << "="
                << per_kind[k];
    }
  }
  std::cout << "\n";
  if (bytes != input.size()) {
    std::cerr << "tokens cover " << bytes << " of " << input.size() << " bytes\n";
    return 1;
  }
  return 0;
}
