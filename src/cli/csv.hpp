// csv.hpp — the CSV reader of `sipolicy batch`: one record per line, fields
// separated by commas, RFC 4180 quoting ("a,b" and doubled quotes "" inside
// quotes) — but a quoted field must end on its own line.
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

  // The next record; false at the end of the input.
  bool Next(CsvRecord* record);
  // Nonzero when reading failed (errno of the failed read).
  int read_error() const { return read_error_; }

 private:
  void SplitLine(std::string_view line, CsvRecord* record);
  bool Fill();  // reads more (dropping what is before pos_); false at the end

  int fd_ = -1;
  std::size_t max_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  int read_error_ = 0;
  long long line_ = 1;
  std::deque<std::string> unescaped_;  // fields with doubled quotes, per record
};

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_CSV_HPP_
