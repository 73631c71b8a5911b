// The CSV reader of `sipolicy batch`; see csv.hpp.
#include "csv.hpp"

#include <unistd.h>

#include <cerrno>

#include "read_fd.hpp"

namespace sipolicy::cli {
namespace {
constexpr std::size_t kChunk = 1 << 20;
}  // namespace

CsvReader::CsvReader(int fd, std::size_t max_record_bytes) : fd_(fd), max_(max_record_bytes) {}

CsvReader::CsvReader(std::string_view text, std::size_t max_record_bytes)
    : max_(max_record_bytes), buf_(text), eof_(true) {}

bool CsvReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {  // keep only the line being read
    buf_.erase(0, pos_);
    dropped_ += pos_;
    pos_ = 0;
  }
  const ssize_t got = AppendRead(fd_, kChunk, &buf_);
  if (got < 0) read_error_ = errno;
  if (got <= 0) eof_ = true;
  return got > 0;
}

std::string_view CsvReader::Unescape(std::string_view text) {
  std::string& u = unescaped_.emplace_back();
  for (std::size_t k = 0; k < text.size(); ++k) {
    u.push_back(text[k]);
    if (text[k] == '"') ++k;  // the second of a pair
  }
  return u;
}

void CsvReader::SplitLine(std::string_view line, CsvRecord* record) {
  record->fields.clear();
  unescaped_.clear();
  std::size_t i = 0;
  const std::size_t n = line.size();
  for (;;) {
    if (i < n && line[i] == '"') {
      // A quoted field: up to the closing quote on this line; "" is a quote.
      std::size_t j = i + 1;
      bool doubled = false;
      for (;;) {
        while (j < n && line[j] != '"') ++j;
        if (j + 1 < n && line[j + 1] == '"') {
          doubled = true;
          j += 2;
          continue;
        }
        break;
      }
      if (j >= n) {
        record->fields.clear();
        record->problem = "unterminated quoted field (a quoted field must end on its own line)";
        return;
      }
      const std::string_view text = line.substr(i + 1, j - i - 1);
      record->fields.push_back(doubled ? Unescape(text) : text);
      i = j + 1;
      if (i < n && line[i] != ',') {
        record->problem = "characters after a closing quote";
        while (i < n && line[i] != ',') ++i;
      }
    } else {
      const std::size_t start = i;
      while (i < n && line[i] != ',') ++i;
      record->fields.push_back(line.substr(start, i - start));
    }
    if (i >= n) return;
    ++i;  // the comma
  }
}

bool CsvReader::Next(CsvRecord* record) {
  for (;;) {
    record->problem.clear();
    record->fields.clear();
    // Have the whole line from pos_ in the buffer (and the byte after a
    // '\r', which may be its '\n'); an over-long line is dropped as it is
    // read, never held whole.
    std::size_t scan = pos_;
    std::size_t skipped = 0;
    std::size_t eol;
    for (;;) {
      eol = scan;
      while (eol < buf_.size() && buf_[eol] != '\n' && buf_[eol] != '\r') ++eol;
      if (eof_ || (eol < buf_.size() && (buf_[eol] == '\n' || eol + 1 < buf_.size()))) break;
      if (eol - pos_ > max_) {
        skipped += eol - pos_;
        pos_ = eol;
      }
      const std::size_t scanned = eol - pos_;
      Fill();  // drops the bytes before pos_: the line now starts at 0
      scan = scanned;
    }
    if (pos_ >= buf_.size() && eof_ && skipped == 0) return false;
    const std::size_t start = pos_;
    const std::string_view line(buf_.data() + pos_, eol - pos_);
    std::size_t next = eol;
    if (next < buf_.size() && buf_[next] == '\r') ++next;
    if (next < buf_.size() && buf_[next] == '\n') ++next;
    pos_ = next;
    record->line = line_++;
    if (skipped > 0 || line.size() > max_) {
      record->problem = "the record is longer than the limit";
      return true;
    }
    if (line.empty()) continue;  // a blank line is not a record
    SplitLine(line, record);
    if (multiline_fields_ > 0 && record->problem.starts_with("unterminated") &&
        !TryMultiline(start, record)) {
      record->problem = "unterminated quoted field (a quoted field may span lines only when it "
                        "closes within " + std::to_string(kMaxMultilineLines) +
                        " lines into a record with the header's " +
                        std::to_string(multiline_fields_) + " fields)";
    }
    return true;
  }
}

bool CsvReader::TryMultiline(std::size_t start, CsvRecord* record) {
  const std::size_t resume = pos_ - start;  // the line after the first, from start
  pos_ = start;  // Fill keeps the bytes from pos_: the record's, from here on
  // The byte `k` bytes into the record, reading more as needed; -1 at the end.
  auto at = [&](std::size_t k) -> int {
    while (pos_ + k >= buf_.size()) {
      if (eof_) return -1;
      Fill();
    }
    return static_cast<unsigned char>(buf_[pos_ + k]);
  };
  auto fail = [&] {
    pos_ += resume;
    return false;
  };
  spans_.clear();
  std::size_t i = 0;
  int breaks = 0;  // line breaks inside quoted fields
  for (;;) {       // one field per turn
    Span span{i, i, false};
    int c = at(i);
    if (c == '"') {
      std::size_t j = i + 1;
      for (;;) {
        if (j > max_) return fail();
        const int d = at(j);
        if (d < 0) return fail();  // the quote never closes
        if (d == '"') {
          if (at(j + 1) != '"') break;
          span.doubled = true;
          j += 2;
          continue;
        }
        if (d == '\r' || d == '\n') {
          if (d == '\r' && at(j + 1) == '\n') ++j;
          if (++breaks >= kMaxMultilineLines) return fail();
        }
        ++j;
      }
      span.begin = i + 1;
      span.end = j;
      i = j + 1;
      c = at(i);
      if (c >= 0 && c != ',' && c != '\n' && c != '\r') return fail();  // text after the quote
    } else {
      while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
        if (++i > max_) return fail();
        c = at(i);
      }
      span.end = i;
    }
    spans_.push_back(span);
    if (c != ',') break;
    ++i;
  }
  // The record's end: its line break (or the end of the input).
  const int c = at(i);
  if (c == '\r' || c == '\n') {
    ++i;
    if (c == '\r' && at(i) == '\n') ++i;
  }
  if (breaks == 0 || spans_.size() != multiline_fields_ || i > max_) return fail();
  record->fields.clear();
  record->problem.clear();
  unescaped_.clear();
  for (const Span& s : spans_) {
    const std::string_view text(buf_.data() + pos_ + s.begin, s.end - s.begin);
    record->fields.push_back(s.doubled ? Unescape(text) : text);
  }
  line_ += breaks;
  pos_ += i;
  return true;
}

}  // namespace sipolicy::cli
