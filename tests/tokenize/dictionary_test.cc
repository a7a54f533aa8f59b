// The word dictionary: the embedded table, custom dictionaries, and errors on bad files (never aborts).
#include "wenshu/dictionary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/test_data.h"
#include "tokenize/dictionary_format.h"
#include "wenshu/tokenizer.h"

namespace wenshu {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("wenshu_dictionary_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

std::string WriteTemp(const std::string& name, std::string_view content) {
  std::string path = TempPath(name);
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return path;
}


std::vector<std::string> Segment(std::shared_ptr<const Dictionary> dictionary, std::string_view text,
                                 TokenizerOptions options = {}) {
  Tokenizer tokenizer(std::move(dictionary), options);
  std::vector<std::string> out;
  for (const auto& t : tokenizer.Tokenize(text)) out.push_back(t.text);
  return out;
}

TEST(Dictionary, DefaultIsJieba) {
  const Dictionary& d = Dictionary::Default();
  EXPECT_GT(d.word_count(), 300000u);
  EXPECT_GT(d.total_frequency(), 60000000u);
  EXPECT_TRUE(d.Contains("总结"));
  EXPECT_TRUE(d.Contains("中华人民共和国"));
  EXPECT_TRUE(d.Contains("的"));
  EXPECT_FALSE(d.Contains("总结总结"));
  EXPECT_FALSE(d.Contains(""));
  EXPECT_FALSE(d.Contains("\xff"));
  auto lp = d.LogProbability("中心");
  ASSERT_TRUE(lp.has_value());
  // jieba: 中心 23969 / total 60101967
  EXPECT_NEAR(*lp, std::log(23969.0 / 60101967.0), 1e-4);
  EXPECT_EQ(&Dictionary::Default(), Dictionary::DefaultShared().get());
}

TEST(Dictionary, EveryWordOfATextDictionaryIsFound) {
  std::string text;
  std::vector<std::string> words;
  // Many children under one node: the double array must find a base where all their slots are free.
  for (const char* head : {"社", "会", "工"}) {
    for (char32_t c = U'一'; c < U'一' + 200; c += 3) {
      std::string w = head;
      char buf[4] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                     static_cast<char>(0x80 | (c & 0x3F)), 0};
      w += buf;
      words.push_back(w);
      text += w + " 5\n";
    }
  }
  auto d = Dictionary::FromText(text);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ((*d)->word_count(), words.size());
  for (const auto& w : words) EXPECT_TRUE((*d)->Contains(w)) << w;
  EXPECT_FALSE((*d)->Contains("社"));  // a prefix, not a word
}

TEST(Dictionary, CustomDictionaryChangesSegmentation) {
  auto d = Dictionary::FromText("# custom\n社会事业局 100 n\n上半年\r\n\n工作总结 50\n");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ((*d)->word_count(), 3u);
  EXPECT_THAT(Segment(*d, "社会事业局上半年工作总结"),
              ::testing::ElementsAre("社会事业局", "上半年", "工作总结"));
  // Unknown characters stand alone without the HMM; the HMM joins them into a word.
  TokenizerOptions no_hmm;
  no_hmm.hmm_unknown_words = false;
  EXPECT_THAT(Segment(*d, "社会", no_hmm), ::testing::ElementsAre("社", "会"));
  EXPECT_THAT(Segment(*d, "社会"), ::testing::ElementsAre("社会"));
}

TEST(Dictionary, LaterLinesOverrideAndZeroRemoves) {
  auto d = Dictionary::FromText("甲乙 5\n丙丁 5\n甲乙 0\n");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_FALSE((*d)->Contains("甲乙"));
  EXPECT_TRUE((*d)->Contains("丙丁"));
}

// A user dictionary on top of the built-in one (jieba's add_word/load_userdict): every built-in word stays
// with its probability, the user's lines add words or (frequency 0) remove them.
TEST(Dictionary, ExtendKeepsTheBaseAndAddsTheUsersWords) {
  const Dictionary& base = Dictionary::Default();
  auto extended = Dictionary::Extend(base, "教育经费支出 100\n居民消费 0\n");
  ASSERT_TRUE(extended.ok()) << extended.status();
  const Dictionary& d = **extended;
  EXPECT_EQ(d.word_count(), base.word_count());  // one added, one removed
  EXPECT_TRUE(d.Contains("教育经费支出"));
  EXPECT_FALSE(d.Contains("居民消费"));
  for (const char* word : {"社会", "工作", "总结", "全区", "预算", "居民"}) {
    ASSERT_TRUE(base.Contains(word)) << word;
    // Frequencies come back from float log-probabilities: within float precision of the base's.
    EXPECT_NEAR(*d.LogProbability(word), *base.LogProbability(word), 1e-4) << word;
  }
  auto same = Dictionary::Extend(base, "");
  ASSERT_TRUE(same.ok());
  EXPECT_EQ((*same)->word_count(), base.word_count());
  EXPECT_FALSE(Dictionary::Extend(base, "词 abc\n").ok());
}

TEST(Dictionary, BlobRoundTripThroughAFile) {
  auto d = Dictionary::FromText("社会事业局 100\n上半年 20\n");
  ASSERT_TRUE(d.ok());
  std::string path = WriteTemp("roundtrip.bin", (*d)->Serialized());
  auto loaded = Dictionary::Load(path);
  std::remove(path.c_str());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ((*loaded)->checksum(), (*d)->checksum());
  EXPECT_TRUE((*loaded)->Contains("上半年"));
  // The embedded blob validates too.
  auto copy = Dictionary::FromBlob(Dictionary::Default().Serialized());
  ASSERT_TRUE(copy.ok()) << copy.status();
  EXPECT_EQ((*copy)->word_count(), Dictionary::Default().word_count());
}

TEST(Dictionary, LoadTextFile) {
  std::string path = WriteTemp("words.txt", "社会事业局 100 n\n");
  auto loaded = Dictionary::Load(path);
  std::remove(path.c_str());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE((*loaded)->Contains("社会事业局"));
}

TEST(Dictionary, MissingFileIsNotFound) {
  auto loaded = Dictionary::Load("/nonexistent/wenshu/dict.txt");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(loaded.status().message(), ::testing::HasSubstr("/nonexistent/wenshu/dict.txt"));
}

TEST(Dictionary, UnreadablePathIsUnavailable) {
  // A directory opens but cannot be read: an I/O failure (WENSHU_E_IO through the C ABI), named.
  auto loaded = Dictionary::Load("/");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(loaded.status().message(), ::testing::HasSubstr("cannot read dictionary '/'"));
}

TEST(Dictionary, EndlessFileIsRefusedAtTheSizeLimit) {
  // /dev/zero never ends: Load stops at its limit with a message instead of filling the memory.
  auto loaded = Dictionary::Load("/dev/zero");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(loaded.status().message(), ::testing::HasSubstr("'/dev/zero' is over 256 MiB"));
}

TEST(Dictionary, BadTextIsInvalidArgumentWithLine) {
  struct Case {
    std::string text;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"", "no word"},
           {"# only a comment\n\n", "no word"},
           {"好 1\n坏\xff 2\n", "line 2"},
           {"好 1\n坏 -2\n", "line 2"},
           {"好 abc\n", "line 1"},
           {"好 99999999999999999999\n", "line 1"},
           {std::string(300, 'a') + " 1\n", "line 1"},
       }) {
    auto d = Dictionary::FromText(c.text);
    ASSERT_FALSE(d.ok()) << c.text;
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(d.status().message(), ::testing::HasSubstr(c.message));
  }
}

TEST(Dictionary, CorruptBlobsAreRejected) {
  auto d = Dictionary::FromText("社会事业局 100\n上半年 20\n工作 7\n");
  ASSERT_TRUE(d.ok());
  const std::string good((*d)->Serialized());
  ASSERT_TRUE(Dictionary::FromBlob(good).ok());

  // Truncated at every length, including inside the header.
  for (size_t n = 0; n < good.size(); n += 997) {
    EXPECT_FALSE(Dictionary::FromBlob(good.substr(0, n)).ok()) << n;
  }
  EXPECT_FALSE(Dictionary::FromBlob(good.substr(0, good.size() - 1)).ok());
  EXPECT_FALSE(Dictionary::FromBlob(good + "x").ok());
  // One flipped byte in the payload: checksum mismatch.
  std::string flipped = good;
  flipped[flipped.size() - 5] ^= 0x40;
  auto r = Dictionary::FromBlob(flipped);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDataLoss);
  // Another format version.
  std::string version = good;
  version[8] = 99;
  r = Dictionary::FromBlob(version);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), ::testing::HasSubstr("version"));
  // A bad file on disk: error status, never abort.
  std::string path = WriteTemp("bad.bin", flipped);
  r = Dictionary::Load(path);
  std::remove(path.c_str());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), ::testing::HasSubstr(path));
}

// The checksum only catches accidents: a blob with a consistent checksum whose trie or character table
// would send a lookup out of the arrays (or around in a loop) must be rejected by the structure checks.
TEST(Dictionary, BlobsWhoseTrieWouldReadOutOfBoundsAreRejected) {
  using namespace tokenize_internal;
  auto d = Dictionary::FromText("社会事业局 100\n上半年 20\n工作 7\n");
  ASSERT_TRUE(d.ok());
  const std::string good((*d)->Serialized());
  BlobHeader header;
  std::memcpy(&header, good.data(), sizeof(header));
  const size_t ids_at = sizeof(BlobHeader) + CharBlockTableBytes();
  const size_t slots_at = ids_at + CharIdBytes(header.char_block_count) + IdCodePointBytes(header.char_count);
  ASSERT_EQ(good.size(), slots_at + header.slot_count * sizeof(TrieSlot));
  auto slot = [&](const std::string& blob, uint32_t t) {
    TrieSlot s;
    std::memcpy(&s, blob.data() + slots_at + t * sizeof(TrieSlot), sizeof(s));
    return s;
  };
  // The blob with one slot replaced, its checksum recomputed.
  auto with_slot = [&](uint32_t t, TrieSlot s) {
    std::string blob = good;
    std::memcpy(blob.data() + slots_at + t * sizeof(TrieSlot), &s, sizeof(s));
    BlobHeader h = header;
    h.checksum = Fnv1a64(std::string_view(blob).substr(sizeof(BlobHeader)));
    std::memcpy(blob.data(), &h, sizeof(h));
    return blob;
  };
  uint32_t node = 1;
  while (node < header.slot_count && slot(good, node).check == kFreeSlot) ++node;
  ASSERT_LT(node, header.slot_count);

  // Unchanged, the recomputed blob is accepted: the cases below fail for their edit only.
  EXPECT_TRUE(Dictionary::FromBlob(with_slot(node, slot(good, node))).ok());
  TrieSlot far_base = slot(good, kRootSlot);
  far_base.base = header.slot_count - header.char_count;  // base + the largest id would pass the end
  TrieSlot own_parent = slot(good, node);  // a loop: the node is its own parent
  own_parent.check = node;
  TrieSlot parent_out_of_range = slot(good, node);
  parent_out_of_range.check = header.slot_count;
  TrieSlot not_a_probability = slot(good, node);
  not_a_probability.log_probability = 0.5f;
  for (const auto& [t, s] : {std::pair{kRootSlot, far_base}, std::pair{node, own_parent}, std::pair{node, parent_out_of_range},
                             std::pair{node, not_a_probability}}) {
    auto r = Dictionary::FromBlob(with_slot(t, s));
    ASSERT_FALSE(r.ok()) << t;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << r.status();
  }

  // A character id that maps to another code point.
  std::string blob = good;
  for (size_t k = ids_at; k + 1 < ids_at + CharIdBytes(header.char_block_count); k += 2) {
    if (blob[k] != 0 || blob[k + 1] != 0) {
      blob[k] = static_cast<char>(blob[k] + 1);
      break;
    }
  }
  BlobHeader h = header;
  h.checksum = Fnv1a64(std::string_view(blob).substr(sizeof(BlobHeader)));
  std::memcpy(blob.data(), &h, sizeof(h));
  auto r = Dictionary::FromBlob(blob);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), ::testing::HasSubstr("character table"));
}

TEST(Dictionary, SharedBetweenTokenizers) {
  auto d = Dictionary::FromText("社会事业局 100\n");
  ASSERT_TRUE(d.ok());
  std::shared_ptr<const Dictionary> shared = *d;
  Tokenizer a(shared), b(shared);
  d = absl::InternalError("dropped");
  shared.reset();  // the tokenizers keep it alive
  EXPECT_EQ(a.Tokenize("社会事业局").size(), 1u);
  EXPECT_EQ(b.Tokenize("社会事业局").size(), 1u);
}

}  // namespace
}  // namespace wenshu
