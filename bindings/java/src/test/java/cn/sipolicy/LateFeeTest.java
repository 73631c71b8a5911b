package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engine.lateFee. 社会保险法 第八十六条 (from 2011-07-01): 万分之五 (0.0005) per
 * day; before that 社会保险费征缴暂行条例 第十三条: 千分之二 (0.002) per day.
 * Days count from the day after the due date through the payment date.
 */
class LateFeeTest {
  static Engine engine;

  @BeforeAll
  static void open() {
    engine = Engine.create();
  }

  @AfterAll
  static void shut() {
    engine.close();
  }

  @Test
  void seventeenDaysAtFiveTenThousandths() {
    // 2020-03-16 … 2020-04-01 = 16 + 1 = 17 days; 1000.00 × 0.0005 × 17 = 8.50.
    LateFeeResult r = engine.lateFee(dec("1000.00"), LocalDate.of(2020, 3, 15),
        LocalDate.of(2020, 4, 1), null);
    assertEquals(17, r.days());
    assertEquals("8.50", r.fee().toPlainString());
    assertEquals(2, r.fee().scale());
    assertEquals(dec("8.50"), r.fee());
    assertEquals(Ratio.parse("0.0005"), r.dailyRate());
    assertEquals(1, r.segments().size());
    assertTrue(r.toString().contains("fee=8.50"));
  }

  @Test
  void overloadsAndRegion() {
    LateFeeResult national = engine.lateFee(dec("1000"), LocalDate.of(2020, 3, 15),
        LocalDate.of(2020, 4, 1));
    assertEquals("8.50", national.fee().toPlainString());
    // Ji'an has no late-fee rule of its own: the national one applies.
    LateFeeResult jiAn = engine.lateFee(dec("1000.00"), LocalDate.of(2020, 3, 15),
        LocalDate.of(2020, 4, 1), "360800");
    assertEquals(17, jiAn.days());
    assertEquals("8.50", jiAn.fee().toPlainString());
    LateFeeResult asOf = engine.lateFee(dec("1000.00"), LocalDate.of(2020, 3, 15),
        LocalDate.of(2020, 4, 1), "360800", LocalDate.of(2020, 12, 31));
    assertEquals("8.50", asOf.fee().toPlainString());
  }

  @Test
  void acrossThe2011Change() {
    // 2011-06-16…06-30: 15 days × 0.002; 2011-07-01…07-10: 10 days × 0.0005;
    // 10000.00 × (0.030 + 0.005) = 350.00.
    LateFeeResult r = engine.lateFee(dec("10000.00"), LocalDate.of(2011, 6, 15),
        LocalDate.of(2011, 7, 10), null);
    assertEquals(25, r.days());
    assertEquals("350.00", r.fee().toPlainString());
  }

  @Test
  void feeIsRoundedHalfUp() {
    // 1234.57 × 0.0005 × 3 = 1.851855 → 1.85; 1234.57 × 0.0005 × 7 = 4.320995 → 4.32;
    // 1000.10 × 0.0005 × 1 = 0.50005 → 0.50; 1010.00 × 0.0005 × 1 = 0.505 → 0.51.
    assertEquals("1.85", engine.lateFee(dec("1234.57"), LocalDate.of(2020, 1, 1),
        LocalDate.of(2020, 1, 4)).fee().toPlainString());
    assertEquals("4.32", engine.lateFee(dec("1234.57"), LocalDate.of(2020, 1, 1),
        LocalDate.of(2020, 1, 8)).fee().toPlainString());
    assertEquals("0.50", engine.lateFee(dec("1000.10"), LocalDate.of(2020, 1, 1),
        LocalDate.of(2020, 1, 2)).fee().toPlainString());
    assertEquals("0.51", engine.lateFee(dec("1010.00"), LocalDate.of(2020, 1, 1),
        LocalDate.of(2020, 1, 2)).fee().toPlainString());
  }

  @Test
  void paidOnTimeCostsNothing() {
    LateFeeResult same = engine.lateFee(dec("1000.00"), LocalDate.of(2020, 3, 15),
        LocalDate.of(2020, 3, 15));
    assertEquals(0, same.days());
    assertEquals("0.00", same.fee().toPlainString());
    LateFeeResult early = engine.lateFee(dec("1000.00"), LocalDate.of(2020, 3, 15),
        LocalDate.of(2020, 3, 1));
    assertEquals(0, early.days());
    assertEquals("0.00", early.fee().toPlainString());
  }

  @Test
  void libraryErrors() {
    // Known only on 2010-01-01: no rule yet for days from 2011-07-01.
    NotFoundException asOf = assertThrows(NotFoundException.class, () -> engine.lateFee(
        dec("10000.00"), LocalDate.of(2011, 6, 15), LocalDate.of(2011, 7, 10), null,
        LocalDate.of(2010, 1, 1)));
    assertEquals("due_date", asOf.field());
    // Before 1999-01-22 there is no rule at all.
    assertThrows(NotFoundException.class, () -> engine.lateFee(dec("1000.00"),
        LocalDate.of(1990, 3, 15), LocalDate.of(1990, 4, 1)));
    InvalidArgumentException region = assertThrows(InvalidArgumentException.class,
        () -> engine.lateFee(dec("1000.00"), LocalDate.of(2020, 3, 15), LocalDate.of(2020, 4, 1),
            "999999"));
    assertEquals("region", region.field());
    InvalidArgumentException negative = assertThrows(InvalidArgumentException.class,
        () -> engine.lateFee(dec("-1000.00"), LocalDate.of(2020, 3, 15), LocalDate.of(2020, 4, 1)));
    assertEquals("amount", negative.field());
  }

  @Test
  void bindingErrors() {
    assertThrows(IllegalArgumentException.class, () -> engine.lateFee(dec("1000.001"),
        LocalDate.of(2020, 3, 15), LocalDate.of(2020, 4, 1)));
    assertThrows(IllegalArgumentException.class, () -> engine.lateFee(dec("1000"),
        LocalDate.of(2020, 3, 15), LocalDate.of(2020, 4, 1), "3608"));
    assertThrows(IllegalArgumentException.class, () -> engine.lateFee(dec("1000"),
        LocalDate.of(-5, 3, 15), LocalDate.of(2020, 4, 1)));
    assertThrows(NullPointerException.class, () -> engine.lateFee(null,
        LocalDate.of(2020, 3, 15), LocalDate.of(2020, 4, 1)));
    assertThrows(NullPointerException.class, () -> engine.lateFee(dec("1"), null,
        LocalDate.of(2020, 4, 1)));
    assertThrows(NullPointerException.class, () -> engine.lateFee(dec("1"),
        LocalDate.of(2020, 4, 1), null));
  }
}
