package cn.sipolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Version check, status names, the exception mapping, encoding helpers. */
class ErrorsTest {
  @Test
  void version() {
    int v = Sipolicy.versionNumber();
    assertEquals(NativeLib.EXPECTED_MAJOR, v / 10000);
    assertTrue(v >= NativeLib.MINIMUM_VERSION);
    assertTrue(NativeLib.MINIMUM_VERSION >= 200, "the paper trail (0.2.0) is bound");
    assertEquals((v / 10000) + "." + (v / 100 % 100) + "." + (v % 100), Sipolicy.version());
    assertFalse(Sipolicy.libraryLocation().isEmpty());
  }

  @Test
  void statusNames() {
    assertEquals("ok", Status.name(Status.OK));
    assertEquals("invalid_argument", Status.name(Status.INVALID_ARGUMENT));
    assertEquals("out_of_range", Status.name(Status.OUT_OF_RANGE));
    assertEquals("not_found", Status.name(Status.NOT_FOUND));
    assertEquals("parse_error", Status.name(Status.PARSE_ERROR));
    assertEquals("unknown_op", Status.name(Status.UNKNOWN_OP));
    assertEquals("internal", Status.name(Status.INTERNAL));
    assertEquals("no_memory", Status.name(Status.NO_MEMORY));
    assertEquals("permission_denied", Status.name(Status.PERMISSION_DENIED));
    assertEquals("unknown", Status.name(99));
  }

  @Test
  void exceptionMapping() {
    Class<?>[] expected = {null, InvalidArgumentException.class, OutOfRangeException.class,
        NotFoundException.class, ParseErrorException.class, UnknownOpException.class,
        InternalException.class};
    for (int code = 1; code <= 6; code++) {
      SipolicyException e = SipolicyException.of(code, Status.name(code), "msg " + code, "f");
      assertEquals(expected[code], e.getClass());
      assertEquals(code, e.status());
      assertEquals(Status.name(code), e.statusName());
      assertEquals("msg " + code, e.getMessage());
      assertEquals("f", e.field());
      assertInstanceOf(RuntimeException.class, e);
    }
    SipolicyException denied = SipolicyException.of(8, "permission_denied", "unsigned", null);
    assertEquals(PermissionDeniedException.class, denied.getClass());
    assertEquals(Status.PERMISSION_DENIED, denied.status());
    assertEquals(PermissionDeniedException.class,
        new SipolicyError("permission_denied", "", "m").toException().getClass());
    SipolicyException memory = SipolicyException.of(7, "no_memory", "out of memory", null);
    assertEquals(SipolicyException.class, memory.getClass());
    assertEquals("", memory.field());
    assertEquals("cn.sipolicy.SipolicyException: [no_memory] out of memory", memory.toString());
    SipolicyException future = SipolicyException.of(42, null, null, null);
    assertEquals("unknown", future.statusName());
    assertEquals("", future.getMessage());
  }

  @Test
  void utf8Encoding() {
    byte[] z = NativeLib.utf8z("赣人社发〔2020〕11号", "x");
    assertEquals(0, z[z.length - 1]);
    assertEquals("赣人社发〔2020〕11号",
        new String(z, 0, z.length - 1, StandardCharsets.UTF_8));
    assertEquals(z.length - 1, NativeLib.lengthOf(z));
    assertEquals(1, NativeLib.utf8z("", "x").length);
    assertThrows(IllegalArgumentException.class, () -> NativeLib.utf8z("a\uDC00b", "x"));
    assertThrows(NullPointerException.class, () -> NativeLib.utf8z(null, "x"));
  }

  @Test
  void fractions() {
    assertEquals("0.5", Convert.ratioText(1, 2));
    assertEquals("1", Convert.ratioText(2, 2));
    assertEquals("0", Convert.ratioText(0, 1));
    assertEquals("2/3", Convert.ratioText(2, 3));
    assertEquals(new BigDecimal("0.125"), Convert.ratio(1, 8));
    long[] f = Convert.toFraction(new BigDecimal("1E+3"), "r");
    assertEquals(1000, f[0]);
    assertEquals(1, f[1]);
    assertEquals(-5, Convert.toFraction(new BigDecimal("-0.5"), "r")[0]);
    assertEquals(new BigDecimal("123.45"), Convert.fromFen(12345));
    assertEquals(-12345, Convert.toFen(new BigDecimal("-123.450"), "m"));
    assertEquals(Long.MAX_VALUE, Convert.toFen(new BigDecimal("92233720368547758.07"), "m"));
    assertThrows(IllegalArgumentException.class,
        () -> Convert.toFen(new BigDecimal("92233720368547758.08"), "m"));
  }
}
