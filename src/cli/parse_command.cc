// `wenshu parse`: files, directories and JSONL corpora into reports, on all cores, in input order.
//
// Pipeline: the main thread reads documents one at a time (a JSONL corpus is streamed line by line),
// worker threads parse them, and a writer thread emits results strictly in input order. At most
// `window` documents are in flight (read but not yet written), so memory stays flat on any corpus size
// and the output is byte-identical whatever --jobs is.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/output.h"
#include "nlohmann/json.hpp"
#include "wenshu/report.h"

namespace wenshu::cli {
namespace {

constexpr char kParseUsage[] =
    "usage: wenshu parse [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "Repairs each document and extracts its title, period, sections, figures and consistency checks.\n"
    "FILE is a text file (UTF-8), or a JSONL corpus when it ends in .jsonl (one JSON object per line);\n"
    "DIR is walked recursively for .txt files, in sorted order; - or no input reads standard input.\n"
    "\n"
    "options:\n"
    "  -f, --format FMT      json (one pretty object per document; a JSON array when there are several),\n"
    "                        jsonl (one compact object per line), csv (the facts: one row per quantity\n"
    "                        and change). Default: json for one text document, jsonl otherwise.\n"
    "  -o, --output PATH     write to PATH (via a temporary file renamed into place on success)\n"
    "  -j, --jobs N          worker threads; 0 = all cores (default)\n"
    "      --jsonl           read every input (also -) as a JSONL corpus\n"
    "      --text-field F    JSONL field with the text (default: text, or content when text is absent)\n"
    "      --id-field F      JSONL field with the document id (default: id)\n"
    "      --title-field F   JSONL field with a known title (default: title)\n"
    "      --max-bytes N     skip (and report) documents larger than N bytes (default 67108864)\n"
    "      --disable RULE    switch off a repair rule or a family (\"vocab.\"); repeatable\n"
    "      --no-checks       skip the consistency checks\n"
    "      --progress        show progress on stderr even when it is not a terminal\n"
    "  -q, --quiet           no progress\n"
    "  -h, --help            this help\n"
    "\n"
    "Exit status: 0 all documents parsed, 1 some input failed (each reported on stderr with its\n"
    "name and line), 2 usage error, 130 interrupted (partial -o output is removed).\n";

enum class Format { kAuto, kJson, kJsonl, kCsv };

struct Flags {
  std::vector<std::string> inputs;
  Format format = Format::kAuto;
  std::string output;
  unsigned jobs = 0;
  bool force_jsonl = false;
  std::optional<std::string> text_field;
  std::string id_field = "id";
  std::string title_field = "title";
  size_t max_bytes = size_t{64} << 20;
  int progress = -1;  // -1 auto, 0 off, 1 on
  bool run_checks = true;
  RepairOptions repair;
};

struct Source {
  std::string path;  // "-" for stdin
  bool jsonl = false;
  uint64_t size = 0;  // 0 when unknown
};

// One unit of work: a document to parse, or an input error to report in order.
struct Job {
  uint64_t seq = 0;
  ParseOptions options;
  std::string text;
  std::string error;  // non-empty: report this instead of parsing
  size_t input_bytes = 0;
};

struct Result {
  std::string output;
  std::string error;
  size_t input_bytes = 0;
};

int UsageError(const std::string& message) {
  std::fprintf(stderr, "wenshu parse: %s\n\n%s", message.c_str(), kParseUsage);
  return 2;
}

bool ParseSize(std::string_view text, uint64_t* out) {
  if (text.empty() || text.size() > 19) return false;
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// Returns 0 on success or the exit code for a usage error / --help.
int ParseFlags(int argc, char** argv, Flags* flags, bool* help) {
  bool only_inputs = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (only_inputs || arg == "-" || arg.empty() || arg[0] != '-') {
      flags->inputs.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_inputs = true;
      continue;
    }
    std::string value;
    bool has_inline_value = false;
    if (arg.rfind("--", 0) == 0) {
      size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
        has_inline_value = true;
      }
    }
    auto take_value = [&](std::string* out) -> bool {
      if (has_inline_value) {
        *out = value;
        return true;
      }
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    auto no_value = [&]() { return !has_inline_value; };
    std::string v;
    if (arg == "-h" || arg == "--help") {
      *help = true;
      return 0;
    } else if (arg == "-f" || arg == "--format") {
      if (!take_value(&v)) return UsageError("--format needs a value");
      if (v == "json") {
        flags->format = Format::kJson;
      } else if (v == "jsonl") {
        flags->format = Format::kJsonl;
      } else if (v == "csv") {
        flags->format = Format::kCsv;
      } else {
        return UsageError("unknown format '" + v + "' (json, jsonl or csv)");
      }
    } else if (arg == "-o" || arg == "--output") {
      if (!take_value(&flags->output) || flags->output.empty()) return UsageError("-o needs a path");
    } else if (arg == "-j" || arg == "--jobs") {
      uint64_t n = 0;
      if (!take_value(&v) || !ParseSize(v, &n) || n > 1024) {
        return UsageError("--jobs needs a number from 0 to 1024");
      }
      flags->jobs = static_cast<unsigned>(n);
    } else if (arg == "--jsonl" && no_value()) {
      flags->force_jsonl = true;
    } else if (arg == "--text-field") {
      if (!take_value(&v) || v.empty()) return UsageError("--text-field needs a field name");
      flags->text_field = v;
    } else if (arg == "--id-field") {
      if (!take_value(&flags->id_field) || flags->id_field.empty())
        return UsageError("--id-field needs a field name");
    } else if (arg == "--title-field") {
      if (!take_value(&flags->title_field)) return UsageError("--title-field needs a field name");
    } else if (arg == "--max-bytes") {
      uint64_t n = 0;
      if (!take_value(&v) || !ParseSize(v, &n) || n == 0)
        return UsageError("--max-bytes needs a positive number");
      flags->max_bytes = n;
    } else if (arg == "--disable") {
      if (!take_value(&v) || v.empty()) return UsageError("--disable needs a rule id");
      flags->repair.disabled_rules.insert(v);
    } else if (arg == "--no-checks" && no_value()) {
      flags->run_checks = false;
    } else if (arg == "--progress" && no_value()) {
      flags->progress = 1;
    } else if ((arg == "-q" || arg == "--quiet") && no_value()) {
      flags->progress = 0;
    } else {
      return UsageError("unknown option '" + std::string(argv[i]) + "'");
    }
  }
  return 0;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Collects .txt files under dir, sorted by name at every level. Errors go to stderr.
void WalkDirectory(const std::filesystem::path& dir, std::vector<Source>* out, int* failures) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    std::fprintf(stderr, "wenshu: %s: cannot read directory: %s\n", dir.c_str(), ec.message().c_str());
    ++*failures;
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  if (ec) {
    std::fprintf(stderr, "wenshu: %s: cannot read directory: %s\n", dir.c_str(), ec.message().c_str());
    ++*failures;
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
  for (const auto& e : entries) {
    std::error_code sec;
    if (e.is_directory(sec)) {
      WalkDirectory(e.path(), out, failures);
    } else if (e.is_regular_file(sec) && e.path().extension() == ".txt") {
      std::error_code size_ec;
      uint64_t size = e.file_size(size_ec);
      out->push_back({e.path().string(), false, size_ec ? 0 : size});
    }
  }
}

// Reads lines of any length from a FILE in blocks; lines longer than `limit` are skipped, not stored.
class LineReader {
 public:
  LineReader(std::FILE* file, size_t limit) : file_(file), limit_(limit) {}

  // False at end of input or on a read error (check error()).
  bool Next(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    bool any = false;
    while (true) {
      if (pos_ == end_) {
        if (eof_) return any;
        end_ = std::fread(buffer_, 1, sizeof buffer_, file_);
        pos_ = 0;
        consumed_ += end_;
        if (end_ == 0) {
          eof_ = true;
          if (std::ferror(file_)) error_ = errno == 0 ? EIO : errno;
          return any;
        }
      }
      any = true;
      const char* start = buffer_ + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
      const size_t n = nl ? static_cast<size_t>(nl - start) : end_ - pos_;
      if (!*too_long) {
        if (line->size() + n > limit_) {
          *too_long = true;
          line->clear();
          line->shrink_to_fit();
        } else {
          line->append(start, n);
        }
      }
      pos_ += n;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }
  int error() const { return error_; }
  uint64_t consumed() const { return consumed_; }

 private:
  std::FILE* file_;
  size_t limit_;
  char buffer_[1 << 16];
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  int error_ = 0;
  uint64_t consumed_ = 0;
};

bool ReadWholeFile(std::FILE* file, size_t limit, std::string* out, bool* too_long, int* err) {
  char buffer[1 << 16];
  *too_long = false;
  while (true) {
    size_t n = std::fread(buffer, 1, sizeof buffer, file);
    if (n == 0) break;
    if (out->size() + n > limit) {
      *too_long = true;
      out->clear();
      return true;
    }
    out->append(buffer, n);
  }
  if (std::ferror(file)) {
    *err = errno == 0 ? EIO : errno;
    return false;
  }
  return true;
}

class Progress {
 public:
  Progress(bool enabled, uint64_t total_bytes)
      : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()) {}

  void Update(uint64_t docs, uint64_t bytes, bool final) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = bytes / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0;
    char eta[32] = "";
    if (total_ > 0 && rate > 0 && !final) {
      const double left = std::max(0.0, (total_ / 1e6 - mb) / rate);
      std::snprintf(eta, sizeof eta, ", ETA %d:%02d", static_cast<int>(left) / 60,
                    static_cast<int>(left) % 60);
    }
    char pct[16] = "";
    if (total_ > 0) std::snprintf(pct, sizeof pct, " (%.0f%%)", std::min(100.0, 100.0 * bytes / total_));
    std::fprintf(stderr, "\r\033[Kwenshu: %llu documents, %.1f MB%s, %.1f MB/s, %.0f docs/s%s%s",
                 static_cast<unsigned long long>(docs), mb, pct, rate, seconds > 0 ? docs / seconds : 0.0,
                 eta, final ? "\n" : "");
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  uint64_t total_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
};

class Pipeline {
 public:
  Pipeline(const Flags& flags, Output* out, Format format, bool single_object, unsigned workers,
           uint64_t total_bytes, bool show_progress)
      : flags_(flags),
        out_(out),
        format_(format),
        single_object_(single_object),
        window_(std::max<size_t>(8, 4 * static_cast<size_t>(workers))),
        progress_(show_progress, total_bytes),
        progress_line_(show_progress) {
    for (unsigned i = 0; i < workers; ++i) workers_.emplace_back([this] { WorkerLoop(); });
    writer_ = std::thread([this] { WriterLoop(); });
  }

  // Blocks while the window is full. False when the run is stopping (output failed, interrupted).
  bool Submit(Job job) {
    std::unique_lock<std::mutex> lock(mu_);
    room_.wait(lock, [&] { return stop_ || submitted_ - written_ < window_; });
    if (stop_) return false;
    job.seq = submitted_++;
    queue_.push_back(std::move(job));
    work_.notify_one();
    return true;
  }

  bool stopping() {
    std::lock_guard<std::mutex> lock(mu_);
    return stop_;
  }

  void Stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    room_.notify_all();
    work_.notify_all();
    done_cv_.notify_all();
  }

  // Waits for everything submitted to be written (or the stop), then joins the threads.
  void Finish() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      input_done_ = true;
      work_.notify_all();
      done_cv_.notify_all();
    }
    for (auto& t : workers_) t.join();
    writer_.join();
  }

  int failures() const { return failures_; }
  uint64_t written() const { return written_; }

 private:
  void WorkerLoop() {
    while (true) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_.wait(lock, [&] { return stop_ || input_done_ || !queue_.empty(); });
        if (queue_.empty()) {
          if (stop_ || input_done_) return;
          continue;
        }
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      Result result;
      result.input_bytes = job.input_bytes;
      if (!job.error.empty()) {
        result.error = std::move(job.error);
      } else if (!stopping()) {
        try {
          absl::StatusOr<Report> report = Parse(job.text, job.options);
          if (!report.ok()) {
            result.error = Describe(job.options.source) + ": " + std::string(report.status().message());
          } else if (format_ == Format::kCsv) {
            result.output = FactsCsvRows(*report);
          } else if (format_ == Format::kJsonl) {
            result.output = ToJson(*report, JsonStyle::kCompact);
            result.output.push_back('\n');
          } else {
            result.output = ToJson(*report, JsonStyle::kPretty);
          }
        } catch (const std::bad_alloc&) {
          result.error = Describe(job.options.source) + ": out of memory";
        }
      }
      std::lock_guard<std::mutex> lock(mu_);
      done_.emplace(job.seq, std::move(result));
      done_cv_.notify_all();
    }
  }

  void WriterLoop() {
    bool first = true;
    uint64_t docs = 0, bytes = 0;
    if (format_ == Format::kCsv) Emit(FactsCsvHeader());
    if (format_ == Format::kJson && !single_object_) Emit("[");
    while (true) {
      Result result;
      {
        std::unique_lock<std::mutex> lock(mu_);
        done_cv_.wait(lock, [&] {
          return stop_ || done_.count(written_) > 0 || (input_done_ && written_ == submitted_);
        });
        if (stop_) return;
        auto it = done_.find(written_);
        if (it == done_.end()) break;  // all written
        result = std::move(it->second);
        done_.erase(it);
      }
      if (!result.error.empty()) {
        std::fprintf(stderr, "%swenshu: %s\n", progress_line_ ? "\r\033[K" : "", result.error.c_str());
        ++failures_;
      } else if (format_ == Format::kJson && !single_object_) {
        if (!result.output.empty() && result.output.back() == '\n') result.output.pop_back();
        Emit(first ? "\n" : ",\n");
        Emit(result.output);
        first = false;
      } else {
        Emit(result.output);
      }
      ++docs;
      bytes += result.input_bytes;
      progress_.Update(docs, bytes, false);
      {
        std::lock_guard<std::mutex> lock(mu_);
        ++written_;
        room_.notify_one();
      }
      if (out_->state() != Output::State::kOk || g_interrupt_signal.load() != 0) {
        Stop();
        return;
      }
    }
    if (format_ == Format::kJson && !single_object_) Emit(first ? "]\n" : "\n]\n");
    progress_.Update(docs, bytes, true);
  }

  void Emit(std::string_view bytes) { out_->Write(bytes); }

  static std::string Describe(const ReportSource& s) {
    std::string d = s.name;
    if (s.line > 0) d += ":" + std::to_string(s.line);
    if (!s.id.empty()) d += " (id " + s.id + ")";
    return d;
  }

  const Flags& flags_;
  Output* out_;
  Format format_;
  bool single_object_;
  size_t window_;
  Progress progress_;
  bool progress_line_ = false;

  std::mutex mu_;
  std::condition_variable work_, done_cv_, room_;
  std::deque<Job> queue_;
  std::map<uint64_t, Result> done_;
  uint64_t submitted_ = 0;
  uint64_t written_ = 0;
  bool input_done_ = false;
  bool stop_ = false;
  int failures_ = 0;
  std::vector<std::thread> workers_;
  std::thread writer_;
};

ParseOptions BaseOptions(const Flags& flags) {
  ParseOptions o;
  o.repair = flags.repair;
  o.run_checks = flags.run_checks;
  o.max_bytes = flags.max_bytes;
  // Ctrl-C / SIGTERM stop the document being parsed too, not only the run between documents.
  o.cancelled = [] { return g_interrupt_signal.load(std::memory_order_relaxed) != 0; };
  return o;
}

std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// Turns one JSONL line into a job (or a job carrying the error).
Job JobFromJsonLine(const Flags& flags, const std::string& name, int64_t line_no, std::string&& line) {
  Job job;
  job.options = BaseOptions(flags);
  job.options.source.name = name;
  job.options.source.line = line_no;
  job.input_bytes = line.size();
  const std::string where = name + ":" + std::to_string(line_no);
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    job.error = where + ": invalid JSON";
    return job;
  }
  if (!j.is_object()) {
    job.error = where + ": not a JSON object";
    return job;
  }
  const nlohmann::json* text = nullptr;
  if (flags.text_field) {
    auto it = j.find(*flags.text_field);
    if (it != j.end()) text = &*it;
  } else {
    auto it = j.find("text");
    if (it == j.end()) it = j.find("content");
    if (it != j.end()) text = &*it;
  }
  if (text == nullptr || !text->is_string()) {
    job.error = where + ": no string field \"" +
                (flags.text_field ? *flags.text_field : std::string("text\" or \"content")) + "\"";
    return job;
  }
  if (auto it = j.find(flags.id_field); it != j.end()) {
    if (it->is_string()) {
      job.options.source.id = it->get<std::string>();
    } else if (it->is_number_integer()) {
      job.options.source.id = it->dump();
    }
  }
  if (!flags.title_field.empty()) {
    if (auto it = j.find(flags.title_field); it != j.end() && it->is_string()) {
      job.options.title = it->get<std::string>();
    }
  }
  job.text = text->get<std::string>();
  return job;
}

int RunParse(int argc, char** argv) {
  Flags flags;
  bool help = false;
  if (int rc = ParseFlags(argc, argv, &flags, &help); rc != 0) return rc;
  if (help) {
    std::fputs(kParseUsage, stdout);
    return 0;
  }
  if (flags.inputs.empty()) {
    if (isatty(STDIN_FILENO))
      return UsageError("no input (give files, directories, or - for standard input)");
    flags.inputs.push_back("-");
  }
  InstallSignalHandlers();

  // Inputs --------------------------------------------------------------------------------------------
  int failures = 0;
  std::vector<Source> sources;
  for (const std::string& in : flags.inputs) {
    if (in == "-") {
      sources.push_back({"-", flags.force_jsonl, 0});
      continue;
    }
    struct stat st {};
    if (::stat(in.c_str(), &st) != 0) {
      std::fprintf(stderr, "wenshu: %s: %s\n", in.c_str(), std::strerror(errno));
      ++failures;
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      WalkDirectory(in, &sources, &failures);
    } else {
      sources.push_back(
          {in, flags.force_jsonl || EndsWith(in, ".jsonl"), S_ISREG(st.st_mode) ? uint64_t(st.st_size) : 0});
    }
  }
  uint64_t total_bytes = 0;
  bool sizes_known = true;
  for (const Source& s : sources) {
    if (s.size == 0 && s.path == "-") sizes_known = false;
    total_bytes += s.size;
  }
  const bool single_text =
      sources.size() == 1 && !sources[0].jsonl && flags.inputs.size() == 1 && failures == 0;
  Format format = flags.format;
  if (format == Format::kAuto) format = single_text ? Format::kJson : Format::kJsonl;
  const bool single_object = format == Format::kJson && single_text;

  Output out;
  if (!out.Open(flags.output)) {
    std::fprintf(stderr, "wenshu: %s\n", out.error().c_str());
    return 1;
  }
  const bool show_progress = flags.progress == 1 || (flags.progress == -1 && isatty(STDERR_FILENO));
  unsigned workers = flags.jobs != 0 ? flags.jobs : std::max(1u, std::thread::hardware_concurrency());

  Pipeline pipeline(flags, &out, format, single_object, workers, sizes_known ? total_bytes : 0,
                    show_progress);
  for (const Source& source : sources) {
    if (g_interrupt_signal.load() != 0 || pipeline.stopping()) break;
    const std::string name = DisplayName(source.path);
    std::FILE* file = source.path == "-" ? stdin : std::fopen(source.path.c_str(), "rb");
    if (file == nullptr) {
      Job job;
      job.error = name + ": " + std::strerror(errno);
      if (!pipeline.Submit(std::move(job))) break;
      continue;
    }
    if (!source.jsonl) {
      Job job;
      job.options = BaseOptions(flags);
      job.options.source.name = name;
      bool too_long = false;
      int err = 0;
      if (source.size > flags.max_bytes) {
        job.error = name + ": " + std::to_string(source.size) + " bytes, over --max-bytes " +
                    std::to_string(flags.max_bytes);
      } else if (!ReadWholeFile(file, flags.max_bytes, &job.text, &too_long, &err)) {
        job.error = name + ": " + std::strerror(err);
      } else if (too_long) {
        job.error = name + ": over --max-bytes " + std::to_string(flags.max_bytes);
      }
      job.input_bytes = source.size != 0 ? source.size : job.text.size();
      if (file != stdin) std::fclose(file);
      if (!pipeline.Submit(std::move(job))) break;
      continue;
    }
    LineReader reader(file, flags.max_bytes);
    std::string line;
    bool too_long = false;
    int64_t line_no = 0;
    bool stopped = false;
    while (reader.Next(&line, &too_long)) {
      ++line_no;
      if (g_interrupt_signal.load() != 0) {
        stopped = true;
        break;
      }
      Job job;
      if (too_long) {
        job.error = name + ":" + std::to_string(line_no) + ": line over --max-bytes " +
                    std::to_string(flags.max_bytes);
      } else if (line.find_first_not_of(" \t\r") == std::string::npos) {
        continue;  // blank lines separate nothing
      } else {
        job = JobFromJsonLine(flags, name, line_no, std::move(line));
      }
      if (!pipeline.Submit(std::move(job))) {
        stopped = true;
        break;
      }
    }
    if (!stopped && reader.error() != 0 && g_interrupt_signal.load() == 0) {
      Job job;
      job.error = name + ": read error: " + std::strerror(reader.error());
      pipeline.Submit(std::move(job));
    }
    if (file != stdin) std::fclose(file);
    if (stopped) break;
  }
  if (g_interrupt_signal.load() != 0) pipeline.Stop();  // parse and write nothing more
  pipeline.Finish();
  failures += pipeline.failures();

  if (const int sig = g_interrupt_signal.load(); sig != 0) {
    out.Abandon();
    if (!flags.output.empty() && flags.output != "-") {
      std::fprintf(stderr, "\nwenshu: interrupted after %llu documents; %s was not written\n",
                   static_cast<unsigned long long>(pipeline.written()), flags.output.c_str());
    } else {
      std::fprintf(stderr, "\nwenshu: interrupted after %llu documents; the output is incomplete\n",
                   static_cast<unsigned long long>(pipeline.written()));
    }
    return 128 + sig;
  }
  if (out.state() == Output::State::kClosedPipe) {
    out.Abandon();
    return 0;  // the reader (e.g. head) has what it wanted
  }
  if (!out.Commit()) {
    if (out.state() == Output::State::kClosedPipe) return 0;
    std::fprintf(stderr, "wenshu: %s\n", out.error().c_str());
    return 1;
  }
  return failures > 0 ? 1 : 0;
}

}  // namespace

int ParseCommand(int argc, char** argv) { return RunParse(argc, argv); }

}  // namespace wenshu::cli
