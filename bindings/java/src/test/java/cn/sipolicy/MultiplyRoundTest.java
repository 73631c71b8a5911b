package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** multiplyRound: round(amount × rate), exactly. */
class MultiplyRoundTest {
  static Engine engine;

  @BeforeAll
  static void open() {
    engine = Engine.create();
  }

  @AfterAll
  static void shut() {
    engine.close();
  }

  static String mr(String amount, String rate, String rounding) {
    BigDecimal r = engine.multiplyRound(dec(amount), rate, rounding);
    assertEquals(2, r.scale());
    return r.toPlainString();
  }

  @Test
  void defaultIsHalfUpToTheFen() {
    assertEquals("1600.01", mr("10000.05", "0.16", null)); // 1600.008
    assertEquals("0.50", mr("1000.00", "0.0005", null));
    assertEquals("5.03", mr("10.05", "0.5", null)); // 5.025
    assertEquals("5.03", mr("10.05", "0.5", "HALF_UP@2"));
  }

  @Test
  void roundingModes() {
    // 10.05 × 0.5 = 5.025
    assertEquals("5.02", mr("10.05", "0.5", "HALF_EVEN@2"));
    assertEquals("5.02", mr("10.05", "0.5", "HALF_DOWN@2"));
    assertEquals("5.02", mr("10.05", "0.5", "DOWN@2"));
    assertEquals("5.03", mr("10.05", "0.5", "UP@2"));
    assertEquals("5.03", mr("10.05", "0.5", "CEILING@2"));
    assertEquals("5.02", mr("10.05", "0.5", "FLOOR@2"));
    assertEquals("5.00", mr("10.05", "0.5", "HALF_UP@0"));
    assertEquals("1200.00", mr("1234", "1", "HALF_UP@-2"));
    assertEquals("5.00", mr("10.00", "0.5", "UNNECESSARY@2"));
  }

  @Test
  void fractionRates() {
    // 100 × 2/3 = 66.666…
    assertEquals("66.67", mr("100", "2/3", null));
    assertEquals("66.66", mr("100", "2/3", "DOWN@2"));
    assertEquals("823.04", mr("1234.56", "2/3", null)); // exact
  }

  @Test
  void decimalRateOverloadAndStatic() {
    assertEquals("1600.01", engine.multiplyRound(dec("10000.05"), "0.16", null).toPlainString());
    assertEquals("1600.01",
        Sipolicy.multiplyRound(dec("10000.05"), dec("0.16"), null).toPlainString());
    assertEquals("1600.01",
        Sipolicy.multiplyRound(dec("10000.050"), dec("1.6E-1"), "HALF_UP@2").toPlainString());
  }

  @Test
  void errors() {
    InvalidArgumentException rate = assertThrows(InvalidArgumentException.class,
        () -> mr("100", "abc", null));
    assertEquals("rate", rate.field());
    InvalidArgumentException mode = assertThrows(InvalidArgumentException.class,
        () -> mr("100", "0.5", "NEAREST@2"));
    assertEquals("rounding", mode.field());
    assertThrows(InvalidArgumentException.class, () -> mr("100", "0.5", "HALF_UP"));
    assertThrows(InvalidArgumentException.class, () -> mr("100", "0.5", "HALF_UP@3"));
    InvalidArgumentException unnecessary = assertThrows(InvalidArgumentException.class,
        () -> mr("10.05", "0.5", "UNNECESSARY@2"));
    assertEquals("rounding", unnecessary.field());
    assertThrows(IllegalArgumentException.class, () -> mr("10.055", "0.5", null));
    assertThrows(NullPointerException.class, () -> engine.multiplyRound(null, "0.5", null));
    assertThrows(NullPointerException.class,
        () -> engine.multiplyRound(dec("1"), (String) null, null));
  }
}
