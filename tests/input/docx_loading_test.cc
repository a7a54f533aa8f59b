// libzip is loaded only when a .docx is read (src/input/zip_library.h): a process that decodes and parses
// plain text never maps it (nor libcrypto through it). This binary must not link libzip, so its .docx is
// written here by hand (one stored entry) and its test runs in one process in order: text first.
#include <link.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "input/zip_library.h"
#include "wenshu/input.h"
#include "wenshu/report.h"

namespace wenshu {
namespace {

using ::testing::HasSubstr;

bool LibraryLoaded(std::string_view name_part) {
  struct Search {
    std::string_view part;
    bool found = false;
  } search{name_part};
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        auto* s = static_cast<Search*>(data);
        if (info->dlpi_name != nullptr && std::string_view(info->dlpi_name).find(s->part) != std::string_view::npos) {
          s->found = true;
        }
        return 0;
      },
      &search);
  return search.found;
}

void Put(std::string& out, uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// A zip archive of one stored (uncompressed) entry: a local header, the data, the central directory.
std::string StoredZip(const std::string& name, const std::string& data) {
  const uint32_t crc = static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
  const uint32_t size = static_cast<uint32_t>(data.size());
  const uint32_t name_size = static_cast<uint32_t>(name.size());
  const uint32_t kDosDate = (1 << 5) | 1;  // 1980-01-01
  std::string zip;
  Put(zip, 0x04034b50, 4);  // local file header
  Put(zip, 20, 2);          // version needed
  Put(zip, 0, 2);           // flags
  Put(zip, 0, 2);           // stored
  Put(zip, 0, 2);           // time
  Put(zip, kDosDate, 2);
  Put(zip, crc, 4);
  Put(zip, size, 4);
  Put(zip, size, 4);
  Put(zip, name_size, 2);
  Put(zip, 0, 2);  // extra
  zip += name;
  zip += data;
  const uint32_t directory_offset = static_cast<uint32_t>(zip.size());
  Put(zip, 0x02014b50, 4);  // central directory header
  Put(zip, 20, 2);          // version made by
  Put(zip, 20, 2);          // version needed
  Put(zip, 0, 2);
  Put(zip, 0, 2);
  Put(zip, 0, 2);
  Put(zip, kDosDate, 2);
  Put(zip, crc, 4);
  Put(zip, size, 4);
  Put(zip, size, 4);
  Put(zip, name_size, 2);
  Put(zip, 0, 2);  // extra
  Put(zip, 0, 2);  // comment
  Put(zip, 0, 2);  // disk
  Put(zip, 0, 2);  // internal attributes
  Put(zip, 0, 4);  // external attributes
  Put(zip, 0, 4);  // local header offset
  zip += name;
  const uint32_t directory_size = static_cast<uint32_t>(zip.size()) - directory_offset;
  Put(zip, 0x06054b50, 4);  // end of central directory
  Put(zip, 0, 2);
  Put(zip, 0, 2);
  Put(zip, 1, 2);
  Put(zip, 1, 2);
  Put(zip, directory_size, 4);
  Put(zip, directory_offset, 4);
  Put(zip, 0, 2);
  return zip;
}

TEST(DocxLoading, TextNeverLoadsLibzipADocxLoadsIt) {
  ASSERT_FALSE(LibraryLoaded("libzip")) << "the test binary links libzip: it cannot tell what the library loads";

  absl::StatusOr<InputDocument> text = DecodeDocument("2023年工作总结\n一、收入1200万元，增长5%。\n", InputOptions{});
  ASSERT_TRUE(text.ok()) << text.status();
  absl::StatusOr<Report> report = Parse(text->text);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_FALSE(LibraryLoaded("libzip")) << "decoding and parsing text loaded libzip";

  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:r><w:t>2023年工作总结</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>收入1200万元</w:t></w:r></w:p></w:body></w:document>";
  absl::StatusOr<InputDocument> docx = DecodeDocument(StoredZip("word/document.xml", xml), InputOptions{});
  ASSERT_TRUE(docx.ok()) << docx.status();
  EXPECT_EQ(docx->format, InputFormat::kDocx);
  EXPECT_EQ(docx->text, "2023年工作总结\n收入1200万元\n");
  EXPECT_TRUE(LibraryLoaded(input_internal::kZipSoname));
}

TEST(DocxLoading, AbsentLibzipNamesThePackage) {
  absl::StatusOr<input_internal::ZipLibrary> zip = input_internal::OpenZipLibrary("libzip.so.999");
  ASSERT_FALSE(zip.ok());
  EXPECT_THAT(zip.status().message(), HasSubstr("reading .docx needs libzip (libzip"));
  EXPECT_THAT(zip.status().message(), HasSubstr("libzip.so.999"));
}

}  // namespace
}  // namespace wenshu
