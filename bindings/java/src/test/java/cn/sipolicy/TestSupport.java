package cn.sipolicy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared helpers for the tests (not a test class). */
final class TestSupport {
  private TestSupport() {}

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  /** The example of the issue: pension, Ji'an, 2020-03, base 10000.05, rate 0.16. */
  static ContributionRequest.Builder jiAn202003() {
    return ContributionRequest.builder()
        .region("360800")
        .unitSize(UnitSize.LARGE)
        .insurance(Insurance.PENSION)
        .period(YearMonth.of(2020, 3))
        .base(dec("10000.05"))
        .rate(dec("0.16"));
  }

  /** A top-level string or scalar field of a one-line JSON result ("due" → "1600.01"). */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name)
        + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.a-z]+)").matcher(json);
    if (!m.find()) return null;
    return m.group(2) != null ? m.group(2) : m.group(1);
  }
}
