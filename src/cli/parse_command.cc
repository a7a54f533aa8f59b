// `wenshu parse`: files, directories and JSONL corpora into reports, on all cores, in input order.
//
// Pipeline: the main thread reads documents one at a time (a JSONL corpus is streamed line by line),
// worker threads parse them, and a writer thread emits results strictly in input order. At most
// `window` documents are in flight (read but not yet written), so memory stays flat on any corpus size
// and the output is byte-identical whatever --jobs is.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/documents.h"
#include "cli/flags.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "nlohmann/json.hpp"
#include "wenshu/input.h"
#include "wenshu/report.h"

namespace wenshu::cli {
namespace {

constexpr char kParseUsage[] =
    "usage: wenshu parse [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "Repairs each document and extracts its title, period, sections, figures and consistency checks.\n"
    "FILE is a document (.txt, .html/.htm, .docx) or a corpus (.jsonl, .json array of objects,\n"
    ".csv/.tsv with one document per row), optionally gzipped (.gz); extensions in any case. Text in\n"
    "UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5 is detected and decoded.\n"
    "DIR is walked recursively for every supported kind, in sorted order; - or no input reads\n"
    "standard input.\n"
    "\n"
    "options:\n"
    "  -f, --format FMT      json (one pretty object per document; a JSON array when there are several),\n"
    "                        jsonl (one compact object per line), csv (the facts: one row per quantity\n"
    "                        and change). Default: json for one text document, jsonl otherwise.\n"
    "  -o, --output PATH     write to PATH (via a temporary file renamed into place on success)\n"
    "  -j, --jobs N          worker threads; 0 = all cores (default)\n"
    "      --jsonl           read every input (also -) as a JSONL corpus\n"
    "      --input-format F  read every input as F: auto (default: from the extension, then the\n"
    "                        content), text, html, docx, jsonl, json, csv or tsv\n"
    "      --encoding E      auto (default) or the input's encoding (gb18030, gbk, big5, utf-16le...)\n"
    "      --text-field F    corpus field or column with the text (default: text, content, full_text\n"
    "                        or 正文, the first present)\n"
    "      --id-field F      corpus field or column with the document id (default: id)\n"
    "      --title-field F   corpus field or column with a known title (default: title)\n"
    "  -v, --verbose         name the files a directory walk skips and the links it follows\n"
    "      --max-bytes N     skip (and report) documents larger than N bytes (default 67108864)\n"
    "      --disable RULE    switch off a repair rule or a family (\"vocab.\"); repeatable\n"
    "      --no-checks       skip the consistency checks\n"
    "      --progress        show progress on stderr even when it is not a terminal\n"
    "  -q, --quiet           no progress\n"
    "  -h, --help            this help\n"
    "\n"
    "Exit status: 0 all documents parsed, 1 some input failed (each reported on stderr with its\n"
    "name and line), 2 usage error, 130 interrupted (partial -o output is removed).\n";

using Flags = ParseFlags;

struct Source {
  std::string path;  // "-" for stdin
  InputFormat format = InputFormat::kAuto;
  uint64_t size = 0;  // 0 when unknown
};

// One unit of work: a document to parse, or an input error to report in order.
struct Job {
  uint64_t seq = 0;
  ParseOptions options;
  std::string text;
  std::string error;  // non-empty: report this instead of parsing
  size_t input_bytes = 0;
  std::string warning;       // non-empty: said on stderr in order, before the document's output
  bool no_document = false;  // only the warning: an input that yielded no document
};

// Documents at least this large are not serialized by their worker: their report goes to the writer
// thread, which streams its JSON to the output in pieces (WriteJson). Their JSON is 1-25x the document
// (bench/memory_bench: one footer per line 1x, prose 5.5x, figures 15x, repairs 24x), so holding it
// whole would double a large document's peak; below this size the worker's string keeps the
// serialization parallel at no memory cost worth naming.
constexpr size_t kStreamJsonBytes = size_t{1} << 20;

struct Result {
  std::string output;
  std::optional<Report> report;  // instead of output: a large document's report, streamed by the writer
  std::string error;
  size_t input_bytes = 0;
  bool interrupted = false;  // the parse was stopped by Ctrl-C/SIGTERM: not a failure, not a document
  std::string warning;
  bool no_document = false;
};

int UsageError(const std::string& message) { return cli::UsageError("parse", message); }

class Pipeline {
 public:
  // `json_until_corpus`: the output is one JSON object for the one input, which looked like one text
  // document (standard input, a file without an extension). If its first document turns out to be a
  // corpus record (a JSONL stream found by its content), the output is what a corpus gets: jsonl by
  // default, a JSON array with --format json.
  Pipeline(const Flags& flags, Output* out, Format format, bool single_object, unsigned workers,
           uint64_t total_bytes, bool show_progress, bool json_until_corpus)
      : flags_(flags),
        out_(out),
        format_(format),
        single_object_(single_object),
        json_until_corpus_(json_until_corpus),
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
    if (json_until_corpus_ && submitted_ == 0 && job.options.source.line > 0) {
      // Nothing is written yet: the writer starts its output at the first result.
      format_ = flags_.format == Format::kAuto ? Format::kJsonl : Format::kJson;
      single_object_ = false;
    }
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

  // Joins the threads if Finish() was not reached (an exception, e.g. std::bad_alloc, unwinding).
  ~Pipeline() {
    if (!writer_.joinable()) return;
    Stop();
    Finish();
  }

  int failures() const { return failures_; }
  // A worker or the writer ran out of memory outside a document's own parse; the run was stopped.
  bool out_of_memory() const { return out_of_memory_.load(); }
  uint64_t written() const { return written_; }
  // Whether a document was handed over yet (the submitting thread's own count: no lock needed).
  bool submitted_any() const { return submitted_ > 0; }

 private:
  // The threads' loops; an allocation failure outside a document's parse stops the run (no thread may
  // let an exception escape: that would terminate the process and leave the temporary output behind).
  void WorkerLoop() { Guarded(&Pipeline::WorkerLoopBody); }
  void WriterLoop() { Guarded(&Pipeline::WriterLoopBody); }
  void Guarded(void (Pipeline::*loop)()) {
    try {
      (this->*loop)();
    } catch (const std::bad_alloc&) {
      out_of_memory_.store(true);
      Stop();
    }
  }

  void WorkerLoopBody() {
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
      result.warning = std::move(job.warning);
      result.no_document = job.no_document;
      if (job.no_document) {
        // Nothing to parse: the writer says the warning in its place.
      } else if (!job.error.empty()) {
        result.error = std::move(job.error);
      } else if (!stopping()) {
        try {
          absl::StatusOr<Report> report = Parse(job.text, job.options);
          if (!report.ok() && absl::IsCancelled(report.status()) && g_interrupt_signal.load() != 0) {
            result.interrupted = true;
          } else if (!report.ok()) {
            result.error = Describe(job.options.source) + ": " + std::string(report.status().message());
          } else if (format_ == Format::kCsv) {
            result.output = FactsCsvRows(*report, flags_.meta_columns);
          } else if (job.text.size() >= kStreamJsonBytes) {
            result.report = *std::move(report);
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

  void WriterLoopBody() {
    bool first = true;
    uint64_t docs = 0, bytes = 0;
    // The header, once the format is settled (it may change at the first Submit, json_until_corpus_).
    bool started = false;
    const auto start = [&] {
      if (started) return;
      started = true;
      if (format_ == Format::kCsv) Emit(FactsCsvHeader(flags_.meta_columns));
      if (format_ == Format::kJson && !single_object_) Emit("[");
    };
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
      start();
      if (result.interrupted) {
        // The run stops here: the interrupted document is neither output nor counted as failed.
        Stop();
        return;
      }
      if (!result.warning.empty()) {
        std::fprintf(stderr, "%swenshu: %s\n", progress_line_ ? "\r\033[K" : "", result.warning.c_str());
      }
      if (result.no_document) {
        std::lock_guard<std::mutex> lock(mu_);
        ++written_;
        room_.notify_one();
        continue;
      }
      if (!result.error.empty()) {
        std::fprintf(stderr, "%swenshu: %s\n", progress_line_ ? "\r\033[K" : "", result.error.c_str());
        ++failures_;
      } else if (result.report) {
        const bool in_array = format_ == Format::kJson && !single_object_;
        if (in_array) Emit(first ? "\n" : ",\n");
        first = false;
        StreamJson(*result.report, in_array);
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
    start();
    if (format_ == Format::kJson && !single_object_) Emit(first ? "]\n" : "\n]\n");
    progress_.Update(docs, bytes, true);
  }

  // A report's JSON written in pieces, as the worker's ToJson would have given it: a JSONL line, or a
  // pretty object (without its final newline inside the array, where the separator follows).
  void StreamJson(const Report& report, bool in_array) {
    if (format_ == Format::kJsonl) {
      WriteJson(report, JsonStyle::kCompact, [&](std::string_view piece) {
        Emit(piece);
        return out_->state() == Output::State::kOk;
      });
      Emit("\n");
      return;
    }
    bool held_newline = false;  // a piece's last '\n', written only if more follows
    WriteJson(report, JsonStyle::kPretty, [&](std::string_view piece) {
      if (held_newline) Emit("\n");
      held_newline = in_array && !piece.empty() && piece.back() == '\n';
      Emit(held_newline ? piece.substr(0, piece.size() - 1) : piece);
      return out_->state() == Output::State::kOk;
    });
  }

  void Emit(std::string_view bytes) {
    if (output_on_terminal_) progress_.Clear();  // the output starts at column 0, then the line returns
    out_->Write(bytes);
  }

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
  const bool json_until_corpus_;
  size_t window_;
  Progress progress_;
  bool progress_line_ = false;
  const bool output_on_terminal_ = out_->to_stdout() && isatty(STDOUT_FILENO);

  std::mutex mu_;
  std::condition_variable work_, done_cv_, room_;
  std::deque<Job> queue_;
  std::map<uint64_t, Result> done_;
  uint64_t submitted_ = 0;
  uint64_t written_ = 0;
  bool input_done_ = false;
  bool stop_ = false;
  int failures_ = 0;
  std::atomic<bool> out_of_memory_{false};
  std::vector<std::thread> workers_;
  std::thread writer_;
};

bool IsCorpusFormat(InputFormat f) {
  return f == InputFormat::kJsonl || f == InputFormat::kJson || f == InputFormat::kCsv || f == InputFormat::kTsv;
}

// Turns one decoded document into a job (or a job carrying its error), as targets reads it too.
Job JobFromDocument(const Flags& flags, InputDocument&& doc) {
  Job job;
  job.input_bytes = doc.input_bytes;
  DocumentToParse d = ToParse(ParseOptionsOf(flags), std::move(doc));
  job.options = std::move(d.options);
  job.text = std::move(d.text);
  job.error = std::move(d.error);
  job.warning = std::move(d.warning);
  return job;
}

int RunParse(int argc, char** argv) {
  Flags flags;
  std::string error;
  switch (ParseFlagsForParse(argc, argv, &flags, &error)) {
    case FlagsOutcome::kHelp: return PrintToStdout(kParseUsage);
    case FlagsOutcome::kUsageError: return UsageError(error);
    case FlagsOutcome::kRun: break;
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
  const InputOptions input_options = InputOptionsOf(flags);
  for (const std::string& in : flags.inputs) {
    if (in == "-") {
      sources.push_back({"-", input_options.format, 0});
      continue;
    }
    struct stat st {};
    if (::stat(in.c_str(), &st) != 0) {
      std::fprintf(stderr, "wenshu: %s: %s\n", in.c_str(), std::strerror(errno));
      ++failures;
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      WalkResult walk = WalkDirectory(in, &g_interrupt_signal);
      if (g_interrupt_signal.load() != 0) return 128 + g_interrupt_signal.load();
      for (const std::string& e : walk.errors) std::fprintf(stderr, "wenshu: %s\n", e.c_str());
      failures += static_cast<int>(walk.errors.size());
      if (flags.verbose) {
        for (const std::string& n : walk.notes) std::fprintf(stderr, "wenshu: %s\n", n.c_str());
      }
      if (walk.files.empty()) {
        std::fprintf(stderr, "wenshu: %s: no supported file in the directory (%s)%s\n", in.c_str(),
                     ".txt .html .htm .docx .jsonl .json .csv .tsv, or .gz of one",
                     flags.verbose ? "" : "; --verbose names the files skipped");
        ++failures;
      }
      for (WalkEntry& e : walk.files) {
        const InputFormat f = input_options.format != InputFormat::kAuto ? input_options.format
                                                                         : FormatFromPath(e.path);
        sources.push_back({std::move(e.path), f, e.size});
      }
    } else {
      const InputFormat f = input_options.format != InputFormat::kAuto ? input_options.format : FormatFromPath(in);
      sources.push_back({in, f, S_ISREG(st.st_mode) ? uint64_t(st.st_size) : 0});
    }
  }
  if (flags.format == Format::kCsv) {
    // The corpus's own columns become columns of the facts CSV, in order of first appearance.
    for (const Source& s : sources) {
      if (s.format != InputFormat::kCsv && s.format != InputFormat::kTsv) continue;
      if (s.path == "-") continue;  // standard input cannot be read twice
      absl::StatusOr<std::vector<std::string>> columns = CsvMetaColumns(s.path, input_options);
      if (!columns.ok()) continue;  // reported when the input is read
      for (std::string& c : *columns) {
        if (std::find(flags.meta_columns.begin(), flags.meta_columns.end(), c) == flags.meta_columns.end()) {
          flags.meta_columns.push_back(std::move(c));
        }
      }
    }
  }
  uint64_t total_bytes = 0;
  bool sizes_known = true;
  for (const Source& s : sources) {
    if (s.size == 0 && s.path == "-") sizes_known = false;
    total_bytes += s.size;
  }
  const bool single_text =
      sources.size() == 1 && !IsCorpusFormat(sources[0].format) && flags.inputs.size() == 1 && failures == 0;
  Format format = flags.format;
  if (format == Format::kAuto) format = single_text ? Format::kJson : Format::kJsonl;
  const bool single_object = format == Format::kJson && single_text;

  Output out;
  if (!out.Open(flags.output)) {
    if (out.state() == Output::State::kInterrupted) return ReportInterruptedOpen(flags.output);
    std::fprintf(stderr, "wenshu: %s\n", out.error().c_str());
    return 1;
  }
  for (const Source& source : sources) {
    if (out.Overwrites(source.path)) return RefuseInputAsOutput(DisplayName(source.path), out.path());
  }
  const bool show_progress = flags.progress == 1 || (flags.progress == -1 && isatty(STDERR_FILENO));
  unsigned workers = flags.jobs != 0 ? flags.jobs : std::max(1u, std::thread::hardware_concurrency());

  Pipeline pipeline(flags, &out, format, single_object, workers, sizes_known ? total_bytes : 0,
                    show_progress, single_object && sources[0].format == InputFormat::kAuto);
  for (const Source& source : sources) {
    if (g_interrupt_signal.load() != 0 || pipeline.stopping()) break;
    InputOptions options = input_options;
    options.format = source.format;
    bool stopped = false;
    uint64_t documents = 0;
    // A CSV on standard input cannot be read twice for its header: its columns are taken from its first
    // record, before anything is handed to the workers and the writer (Submit orders it before their
    // reads); after other inputs' documents the header is written already, and that is said.
    bool stdin_columns = format == Format::kCsv && source.path == "-" &&
                         (source.format == InputFormat::kCsv || source.format == InputFormat::kTsv);
    const absl::Status status = ReadInput(
        source.path, options,
        [&](InputDocument&& doc) {
          if (stdin_columns && !doc.meta.empty()) {
            stdin_columns = false;
            if (pipeline.submitted_any()) {
              std::fprintf(stderr, "wenshu: <stdin>: its own columns are not in the facts CSV, whose header "
                                   "was written before it: give it first or as a file\n");
            } else {
              for (const auto& [column, value] : doc.meta) {
                if (std::find(flags.meta_columns.begin(), flags.meta_columns.end(), column) ==
                    flags.meta_columns.end()) {
                  flags.meta_columns.push_back(column);
                }
              }
            }
          }
          ++documents;
          if (g_interrupt_signal.load() != 0 || !pipeline.Submit(JobFromDocument(flags, std::move(doc)))) {
            stopped = true;
            return false;
          }
          return true;
        },
        &g_interrupt_signal);
    if (!status.ok() && !absl::IsCancelled(status) && g_interrupt_signal.load() == 0) {
      Job job;
      job.error = std::string(status.message());
      if (!pipeline.Submit(std::move(job))) break;
    } else if (status.ok() && documents == 0) {
      Job job;
      job.no_document = true;
      job.warning = NoDocumentWarningFor(source.path);
      if (!pipeline.Submit(std::move(job))) break;
    }
    if (stopped) break;
  }
  if (g_interrupt_signal.load() != 0) pipeline.Stop();  // parse and write nothing more
  pipeline.Finish();
  failures += pipeline.failures();
  if (pipeline.out_of_memory()) throw std::bad_alloc();  // main reports it; out removes its temporary

  if (const int sig = g_interrupt_signal.load(); sig != 0) {
    out.Abandon();
    if (out.all_or_nothing()) {
      std::fprintf(stderr, "\nwenshu: interrupted after %llu documents; %s was not written\n",
                   static_cast<unsigned long long>(pipeline.written()), flags.output.c_str());
    } else {
      std::fprintf(stderr, "\nwenshu: interrupted after %llu documents; the output is incomplete\n",
                   static_cast<unsigned long long>(pipeline.written()));
    }
    return 128 + sig;
  }
  return out.Finish(failures > 0 ? 1 : 0);
}

}  // namespace

int ParseCommand(int argc, char** argv) { return RunParse(argc, argv); }

}  // namespace wenshu::cli
