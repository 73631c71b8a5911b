// fuzz_csv — the CSV reader of `sipolicy batch` over text in memory.
// The first input byte picks the record limit (1 … 256 bytes, or 1 MiB when
// it is 0), the rest is the text. Properties:
//   * nothing crashes;
//   * one record per non-blank line: the records returned are exactly the
//     non-blank lines of an independent split on \n, \r\n and \r, in order,
//     each with its 1-based line number (a line longer than the limit is
//     still one record, a bad one);
//   * a record has fields or a problem; a record over the limit says so.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "csv.hpp"
#include "fuzz_check.hpp"

namespace {

struct Line {
  long long number;
  std::size_t length;
};

// The non-blank lines of `text`: lines end in \n, \r\n or \r.
std::vector<Line> NonBlankLines(std::string_view text) {
  std::vector<Line> lines;
  long long number = 1;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n' || text[i] == '\r') {
      if (i > start) lines.push_back({number, i - start});
      ++number;
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      start = i;
    } else {
      ++i;
    }
  }
  if (text.size() > start) lines.push_back({number, text.size() - start});
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t max = data[0] == 0 ? std::size_t{1} << 20 : std::size_t{data[0]};
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::vector<Line> expected = NonBlankLines(text);

  sipolicy::cli::CsvReader csv(text, max);
  sipolicy::cli::CsvRecord rec;
  std::size_t n = 0;
  while (csv.Next(&rec)) {
    const std::string got = std::to_string(rec.line);
    FUZZ_CHECK(n < expected.size(), "no more records than non-blank lines", got,
               std::to_string(expected.size()));
    const Line& want = expected[n];
    FUZZ_CHECK(rec.line == want.number, "the record's line number", got,
               std::to_string(want.number));
    FUZZ_CHECK(!rec.fields.empty() || !rec.problem.empty(), "a record has fields or a problem",
               got, "");
    if (want.length > max) {
      FUZZ_CHECK(rec.problem == "the record is longer than the limit",
                 "an over-long line is one bad record", got, rec.problem);
    }
    ++n;
  }
  FUZZ_CHECK(n == expected.size(), "one record per non-blank line", std::to_string(n),
             std::to_string(expected.size()));
  FUZZ_CHECK(csv.read_error() == 0, "no read error from text in memory", "", "");
  return 0;
}
