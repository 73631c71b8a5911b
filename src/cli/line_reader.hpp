// line_reader.hpp — the request-line reader of `sipolicy eval`: large blocks
// from a file descriptor, one line at a time, and a line longer than the
// limit reported by its length and skipped without being held whole.
#ifndef SIPOLICY_SRC_CLI_LINE_READER_HPP_
#define SIPOLICY_SRC_CLI_LINE_READER_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include "read_fd.hpp"

namespace sipolicy::cli {

// Reads lines from a file descriptor in large blocks. A line longer than
// `max` bytes is reported by its length and skipped, never held whole.
class LineReader {
 public:
  LineReader(int fd, std::size_t max) : fd_(fd), max_(max) {}

  // The next line without its '\n' (and '\r'), valid until the next call;
  // *too_long and *length describe a line that was skipped. False at the end.
  bool Next(std::string_view* line, bool* too_long, std::size_t* length) {
    *too_long = false;
    for (;;) {
      const std::size_t nl = buf_.find('\n', scan_);
      if (nl != std::string::npos) {
        std::string_view l(buf_.data() + start_, nl - start_);
        start_ = scan_ = nl + 1;
        if (skipping_) {
          skipping_ = false;
          *too_long = true;
          *length = skipped_ + l.size();
          *line = {};
          return true;
        }
        if (l.size() > max_) {
          *too_long = true;
          *length = l.size();
          *line = {};
          return true;
        }
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        *line = l;
        return true;
      }
      scan_ = buf_.size();
      if (buf_.size() - start_ > max_) {  // too long: drop what we have, keep counting
        skipped_ = (skipping_ ? skipped_ : 0) + (buf_.size() - start_);
        skipping_ = true;
        buf_.clear();
        start_ = scan_ = 0;
      }
      if (eof_) {
        if (start_ == buf_.size() && !skipping_) return false;
        std::string_view l(buf_.data() + start_, buf_.size() - start_);
        start_ = scan_ = buf_.size();
        if (skipping_) {
          skipping_ = false;
          *too_long = true;
          *length = skipped_ + l.size();
          *line = {};
          return true;
        }
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        *line = l;
        return true;
      }
      Fill();
    }
  }

 private:
  void Fill() {
    if (start_ > 0 && start_ >= buf_.size() / 2) {  // keep the buffer from growing
      buf_.erase(0, start_);
      scan_ -= start_;
      start_ = 0;
    }
    if (AppendRead(fd_, kChunk, &buf_) <= 0) eof_ = true;
  }

  static constexpr std::size_t kChunk = 1 << 20;
  int fd_;
  std::size_t max_;
  std::string buf_;
  std::size_t start_ = 0, scan_ = 0;
  bool eof_ = false;
  bool skipping_ = false;
  std::size_t skipped_ = 0;
};

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_LINE_READER_HPP_
