// csv.hpp — the CSV reader of `sipolicy batch`: one record per line, fields
// separated by commas, RFC 4180 quoting ("a,b" and doubled quotes "" inside
// quotes) — and, only where the caller allows it, quoted line breaks.
//
// Why one record per line: no field of a ledger row holds a line break, and
// a stray quote must not swallow the rest of the file into one record (it
// did, when quoted fields could span lines). Now a quote still open at the
// end of its line makes that one record bad ("unterminated quoted field")
// and the next line is read as usual, so the output has exactly one row per
// non-blank input line. Lines end in \n, \r\n or \r. A blank line is not a
// record; a line holding only "" is a record of one empty field. A line
// longer than the limit is a bad record, skipped without being held in memory.
//
// Multi-line records (AllowMultiline, what `sipolicy batch` turns on after
// the header): a spreadsheet writes a cell with a line break as a quoted
// field spanning lines. Such a record is accepted when its quote closes
// within kMaxMultilineLines lines and the record then has exactly the
// header's number of fields; its `line` is the line it starts on and the
// lines after it keep their own numbers. Anything else (a stray quote that
// never closes, or closes into a record of the wrong shape) is read as
// above: that one line is bad and the next line is a record of its own.
//
//   CsvReader csv(fd, 1 << 20);
//   CsvRecord rec;
//   while (csv.Next(&rec)) { if (!rec.problem.empty()) ...; rec.fields[0] ... }
#ifndef SIPOLICY_SRC_CLI_CSV_HPP_
#define SIPOLICY_SRC_CLI_CSV_HPP_

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace sipolicy::cli {

struct CsvRecord {
  std::vector<std::string_view> fields;  // valid until the next Next()
  std::string problem;                   // "" or why the record is bad
  long long line = 0;                    // the input line the record starts on (1-based)
};

class CsvReader {
 public:
  // `fd`: a readable file descriptor (not closed here). A record longer than
  // `max_record_bytes` is bad and skipped to the end of its first line.
  CsvReader(int fd, std::size_t max_record_bytes);
  // Reads text already in memory (tests, fuzzing).
  explicit CsvReader(std::string_view text, std::size_t max_record_bytes = 1 << 20);

  // Lets a quoted field span lines in a record of exactly `fields` fields
  // (0: never, the default).
  void AllowMultiline(std::size_t fields) { multiline_fields_ = fields; }
  static constexpr int kMaxMultilineLines = 100;

  // The next record; false at the end of the input.
  bool Next(CsvRecord* record);
  // Bytes of the input consumed so far (the progress bar).
  unsigned long long offset() const { return dropped_ + pos_; }
  // Nonzero when reading failed (errno of the failed read).
  int read_error() const { return read_error_; }

 private:
  void SplitLine(std::string_view line, CsvRecord* record);
  // Reads the record starting at buf_[start] as RFC 4180 with quoted line
  // breaks; on success fills `record` and moves past it, else changes nothing
  // but the buffer's layout (pos_ stays on the line after the first).
  bool TryMultiline(std::size_t start, CsvRecord* record);
  bool Fill();  // reads more (dropping what is before pos_); false at the end
  // A quoted field's text with each "" as one quote, kept in unescaped_.
  std::string_view Unescape(std::string_view text);

  int fd_ = -1;
  std::size_t max_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  int read_error_ = 0;
  long long line_ = 1;
  std::size_t multiline_fields_ = 0;
  unsigned long long dropped_ = 0;  // bytes erased from the front of buf_
  std::deque<std::string> unescaped_;  // fields with doubled quotes, per record
  struct Span {
    std::size_t begin, end;  // relative to the record's first byte
    bool doubled;            // holds "" pairs to unescape
  };
  std::vector<Span> spans_;  // TryMultiline's fields, kept to reuse their memory
};

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_CSV_HPP_
