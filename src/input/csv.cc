// RFC 4180 records fed in blocks (CsvParser in input/internal.h).
#include <string>

#include "input/internal.h"

namespace wenshu::input_internal {

void CsvParser::EndField() {
  if (!current_.too_long) current_.fields.push_back(std::move(field_));
  field_.clear();
}

void CsvParser::EndRecord(std::vector<Record>* records) {
  EndField();
  records->push_back(std::move(current_));
  current_ = Record{};
  record_started_ = false;
  state_ = State::kFieldStart;
}

void CsvParser::Feed(std::string_view bytes, bool final, std::vector<Record>* records) {
  for (char c : bytes) {
    if (!record_started_) {
      record_started_ = true;
      current_.line = line_;
    }
    ++current_.bytes;
    if (current_.bytes > max_record_bytes_ && !current_.too_long) {
      current_.too_long = true;
      current_.fields.clear();
      current_.fields.shrink_to_fit();
      field_.clear();
      field_.shrink_to_fit();
    }
    if (c == '\n') ++line_;
    auto append = [&](char ch) {
      if (!current_.too_long) field_.push_back(ch);
    };
    switch (state_) {
      case State::kAfterCr:
        // A CR that was not followed by LF: it was part of an unquoted field.
        if (c == '\n') {
          EndRecord(records);
          continue;
        }
        append('\r');
        state_ = State::kUnquoted;
        [[fallthrough]];
      case State::kFieldStart:
      case State::kUnquoted:
        if (state_ == State::kFieldStart && c == '"') {
          state_ = State::kQuoted;
        } else if (c == delimiter_) {
          EndField();
          state_ = State::kFieldStart;
        } else if (c == '\n') {
          EndRecord(records);
        } else if (c == '\r') {
          state_ = State::kAfterCr;
        } else {
          append(c);
          state_ = State::kUnquoted;
        }
        break;
      case State::kQuoted:
        if (c == '"') {
          state_ = State::kQuoteInQuoted;
        } else {
          append(c);
        }
        break;
      case State::kQuoteInQuoted:
        if (c == '"') {  // a doubled quote
          append('"');
          state_ = State::kQuoted;
        } else if (c == delimiter_) {
          EndField();
          state_ = State::kFieldStart;
        } else if (c == '\n') {
          EndRecord(records);
        } else if (c == '\r') {
          state_ = State::kAfterCr;
          // A CR right after a closing quote starts the record's CRLF; text after it is kept.
        } else {
          // Text after a closing quote ("ab"c): kept, as spreadsheets read it.
          append(c);
          state_ = State::kUnquoted;
        }
        break;
    }
  }
  if (final && record_started_) {
    if (state_ == State::kQuoted) current_.open_quote = true;
    EndRecord(records);
  }
}

}  // namespace wenshu::input_internal
