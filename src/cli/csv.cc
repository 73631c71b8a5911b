// The CSV reader of `sipolicy batch`; see csv.hpp.
#include "csv.hpp"

#include <unistd.h>

#include <cerrno>

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
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  ssize_t got;
  do {
    got = ::read(fd_, buf_.data() + old, kChunk);
  } while (got < 0 && errno == EINTR);
  if (got < 0) read_error_ = errno;
  buf_.resize(old + static_cast<std::size_t>(got > 0 ? got : 0));
  if (got <= 0) eof_ = true;
  return got > 0;
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
      std::string_view text = line.substr(i + 1, j - i - 1);
      if (doubled) {
        std::string& u = unescaped_.emplace_back();
        for (std::size_t k = 0; k < text.size(); ++k) {
          u.push_back(text[k]);
          if (text[k] == '"') ++k;  // the second of a pair
        }
        text = u;
      }
      record->fields.push_back(text);
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
    return true;
  }
}

}  // namespace sipolicy::cli
