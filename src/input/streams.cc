// Byte streams for the input module: files, gzip, and decoding to UTF-8 block by block.
#include <unicode/ucnv.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"
#include "input/internal.h"

namespace wenshu::input_internal {
namespace {

constexpr size_t kBlockBytes = 1 << 16;
// The prefix read before deciding the encoding: the detection window plus the largest BOM.
constexpr size_t kDetectPrefixBytes = (64 * 1024) + 4;

class File final : public ByteStream {
 public:
  File(std::FILE* file, std::string name) : file_(file), name_(std::move(name)) {}
  size_t Read(char* buf, size_t n) override {
    const size_t got = std::fread(buf, 1, n, file_);
    if (got == 0 && std::ferror(file_)) {
      const int err = errno == 0 ? EIO : errno;
      status_ = absl::DataLossError(absl::StrCat(name_, ": read error: ", std::strerror(err)));
    }
    return got;
  }
  absl::Status status() const override { return status_; }

 private:
  std::FILE* file_;
  std::string name_;
  absl::Status status_;
};

class Gzip final : public ByteStream {
 public:
  Gzip(std::unique_ptr<ByteStream> in, std::string name) : in_(std::move(in)), name_(std::move(name)) {
    std::memset(&z_, 0, sizeof z_);
    ok_ = inflateInit2(&z_, 16 + MAX_WBITS) == Z_OK;  // 16: gzip wrapper
    if (!ok_) status_ = absl::InternalError("zlib: inflateInit2 failed");
  }
  ~Gzip() override {
    if (ok_) inflateEnd(&z_);
  }
  size_t Read(char* buf, size_t n) override {
    if (!status_.ok() || done_) return 0;
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n) {
      if (z_.avail_in == 0) {
        const size_t got = in_->Read(in_buf_, sizeof in_buf_);
        if (got == 0) {
          if (!in_->status().ok()) {
            status_ = in_->status();
          } else if (in_member_) {
            status_ = absl::DataLossError(absl::StrCat(name_, ": gzip data is cut short"));
          }
          done_ = true;
          break;
        }
        z_.next_in = reinterpret_cast<Bytef*>(in_buf_);
        z_.avail_in = static_cast<uInt>(got);
      }
      in_member_ = true;
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);  // a following member continues the data
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        status_ = absl::DataLossError(
            absl::StrCat(name_, ": damaged gzip data: ", z_.msg != nullptr ? z_.msg : "inflate failed"));
        break;
      }
    }
    return n - z_.avail_out;
  }
  absl::Status status() const override { return status_; }

 private:
  std::unique_ptr<ByteStream> in_;
  std::string name_;
  z_stream z_;
  bool ok_ = false;
  bool done_ = false;
  bool in_member_ = false;
  absl::Status status_;
  char in_buf_[kBlockBytes];
};

}  // namespace

std::unique_ptr<ByteStream> FileStream(std::FILE* file, std::string name) {
  return std::make_unique<File>(file, std::move(name));
}

std::unique_ptr<ByteStream> GzipStream(std::unique_ptr<ByteStream> in, std::string name) {
  return std::make_unique<Gzip>(std::move(in), std::move(name));
}

namespace {
class Prefixed final : public ByteStream {
 public:
  Prefixed(std::string prefix, std::unique_ptr<ByteStream> in) : prefix_(std::move(prefix)), in_(std::move(in)) {}
  size_t Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      n = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, n);
      pos_ += n;
      return n;
    }
    return in_->Read(buf, n);
  }
  absl::Status status() const override { return in_->status(); }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteStream> in_;
};
}  // namespace

std::unique_ptr<ByteStream> PrefixStream(std::string prefix, std::unique_ptr<ByteStream> in) {
  if (prefix.empty()) return in;
  return std::make_unique<Prefixed>(std::move(prefix), std::move(in));
}

bool ReadUpTo(ByteStream& in, size_t n, std::string* out) {
  const size_t start = out->size();
  out->resize(start + n);
  size_t got = 0;
  while (got < n) {
    const size_t r = in.Read(out->data() + start + got, n - got);
    if (r == 0) break;
    got += r;
  }
  out->resize(start + got);
  return in.status().ok();
}

absl::StatusOr<std::unique_ptr<ByteStream>> UnwrapGzip(std::unique_ptr<ByteStream> in, const std::string& name) {
  std::string head;
  if (!ReadUpTo(*in, 2, &head)) return in->status();
  const bool gzip = IsGzip(head);
  in = PrefixStream(std::move(head), std::move(in));
  if (gzip) in = GzipStream(std::move(in), name);
  return in;
}

struct Utf8Stream::Converter {
  std::unique_ptr<LegacyToUtf8> convert;
};

Utf8Stream::~Utf8Stream() = default;

absl::StatusOr<std::unique_ptr<Utf8Stream>> Utf8Stream::Open(std::unique_ptr<ByteStream> in,
                                                             std::string_view encoding, std::string name) {
  std::unique_ptr<Utf8Stream> s(new Utf8Stream());
  s->in_ = std::move(in);
  s->name_ = std::move(name);
  std::string prefix;
  char buf[kBlockBytes];
  while (prefix.size() < kDetectPrefixBytes) {
    const size_t got = s->in_->Read(buf, sizeof buf);
    if (got == 0) {
      s->eof_ = true;
      break;
    }
    prefix.append(buf, got);
  }
  if (!s->in_->status().ok()) return s->in_->status();
  s->bytes_read_ = prefix.size();
  // Decide on the prefix with the one-document decoder's rules.
  absl::StatusOr<DecodedText> probe = [&]() -> absl::StatusOr<DecodedText> {
    // Only the decision is needed: decode at most the prefix (cut characters at its end are fine
    // for UTF-8; for others, DecodeText's strict conversion could fail on a cut, so decide apart).
    if (s->eof_) return DecodeText(prefix, encoding);
    DecodedText d;
    const bool automatic = encoding.empty() || encoding == "auto";
    absl::StatusOr<DecodedText> head = DecodeText(prefix.substr(0, 4), automatic ? "auto" : encoding);
    // A 4-byte probe only settles BOMs and names; the window decides the rest.
    if (!head.ok() && !automatic) return head.status();
    if (head.ok() && head->bom) {
      d.bom = true;
      d.encoding = head->encoding;
      return d;
    }
    if (!automatic) {
      d.encoding = std::string(encoding);
      return d;
    }
    if (std::string hint = BinaryHint(prefix); !hint.empty()) return absl::InvalidArgumentError(hint);
    if (LooksLikeDamagedOrValidUtf8(ScanUtf8Window(prefix, /*final=*/false))) {
      d.encoding = "UTF-8";
      return d;
    }
    d.encoding = DetectLegacyEncoding(prefix);
    if (d.encoding.empty()) {
      return absl::InvalidArgumentError(
          "not text in a supported encoding (UTF-8, UTF-16 with BOM, GB18030/GBK, Big5); name it with "
          "--encoding");
    }
    return d;
  }();
  if (!probe.ok()) return probe.status();
  s->encoding_ = probe->encoding;
  s->bom_ = probe->bom;
  if (s->eof_) {
    // The whole input was the prefix: keep the decoded text.
    s->pending_ = std::move(probe->text);
    return s;
  }
  if (s->bom_) {
    // Remove the BOM bytes of the decided encoding.
    const size_t bom_len = s->encoding_ == "UTF-8" ? 3 : (s->encoding_.rfind("UTF-32", 0) == 0 ? 4 : 2);
    prefix.erase(0, bom_len);
  }
  UErrorCode status = U_ZERO_ERROR;
  UConverter* probe_cnv = ucnv_open(s->encoding_.c_str(), &status);
  const bool utf8 = U_SUCCESS(status) && std::strcmp(ucnv_getName(probe_cnv, &status), "UTF-8") == 0;
  if (probe_cnv != nullptr) ucnv_close(probe_cnv);
  if (!utf8) {
    auto c = std::make_unique<Converter>();
    absl::StatusOr<std::unique_ptr<LegacyToUtf8>> convert = LegacyToUtf8::Open(s->encoding_);
    if (!convert.ok()) return convert.status();
    c->convert = *std::move(convert);
    s->converter_ = std::move(c);
  }
  s->pending_ = std::move(prefix);
  return s;
}

bool Utf8Stream::Next(std::string* out) {
  if (!status_.ok()) return false;
  std::string raw = std::move(pending_);
  pending_.clear();
  if (raw.empty() && !eof_) {
    raw.resize(kBlockBytes);
    const size_t got = in_->Read(raw.data(), raw.size());
    raw.resize(got);
    bytes_read_ += got;
    if (got == 0) {
      eof_ = true;
      if (!in_->status().ok()) {
        status_ = in_->status();
        return false;
      }
    }
  }
  if (converter_ == nullptr) {
    if (raw.empty()) return false;
    out->append(raw);
    return true;
  }
  if (raw.empty() && !eof_) return true;
  LegacyToUtf8& c = *converter_->convert;
  const char* src = raw.data();
  const size_t before = out->size();
  if (absl::Status st = c.Convert(&src, raw.data() + raw.size(), /*flush=*/eof_, out); !st.ok()) {
    status_ = absl::InvalidArgumentError(absl::StrCat(name_, ": ", st.message()));
    return false;
  }
  return out->size() > before || !eof_;
}

}  // namespace wenshu::input_internal
