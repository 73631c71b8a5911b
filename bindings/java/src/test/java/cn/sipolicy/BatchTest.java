package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static cn.sipolicy.TestSupport.jiAn202003;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** contributionBatch (JSON Lines): per-record results or errors, never an exception for a bad record. */
class BatchTest {
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
  void mixedRecords() {
    List<ContributionRequest> in = Arrays.asList(
        jiAn202003().build(), // large: 1600.01 / 800.01 / 800.00
        jiAn202003().unitSize(UnitSize.SMALL).build(), // 1600.01 / 1600.01 / 0.00
        jiAn202003().unitType(UnitType.PUBLIC_INSTITUTION).build(), // relief 0.00
        jiAn202003().insurance(Insurance.UNEMPLOYMENT).rate((Ratio) null).build(), // not_found
        jiAn202003().unitSize(UnitSize.SMALL).period(YearMonth.of(2020, 7))
            .base(dec("10000.00")).asOf(LocalDate.of(2020, 6, 1)).build(), // relief 0.00
        null, // a null record is an error item
        jiAn202003().unitSize(UnitSize.SMALL).period(YearMonth.of(2020, 7))
            .base(dec("10000.00")).asOf(LocalDate.of(2020, 7, 1)).build(), // relief 1600.00
        jiAn202003().region(999999).build(), // invalid_argument
        jiAn202003().rate((Ratio) null).build(), // default rate among given rates
        jiAn202003().base(dec("100")).rate(1, 3).build()); // 33.33 / 16.67 / 16.66
    List<BatchItem<ContributionResult>> out = engine.contributionBatch(in);
    assertEquals(in.size(), out.size());
    for (int i = 0; i < out.size(); i++) assertEquals(i, out.get(i).index());

    assertMoney(out.get(0), "1600.01", "800.01", "800.00");
    assertMoney(out.get(1), "1600.01", "1600.01", "0.00");
    assertMoney(out.get(2), "1600.01", "0.00", "1600.01");
    assertMoney(out.get(4), "1600.00", "0.00", "1600.00");
    assertMoney(out.get(6), "1600.00", "1600.00", "0.00");
    assertMoney(out.get(8), "1600.01", "800.01", "800.00");
    assertMoney(out.get(9), "33.33", "16.67", "16.66");

    BatchItem<ContributionResult> noRate = out.get(3);
    assertFalse(noRate.ok());
    assertNull(noRate.result());
    assertEquals("not_found", noRate.error().code());
    assertEquals(Status.NOT_FOUND, noRate.error().status());
    assertInstanceOf(NotFoundException.class, noRate.error().toException());
    assertEquals("rate", noRate.error().field());
    assertTrue(noRate.error().message().contains("unemployment"), noRate.error().message());
    assertThrows(NotFoundException.class, noRate::orThrow);

    assertEquals("invalid_argument", out.get(5).error().code());
    assertInstanceOf(InvalidArgumentException.class, out.get(7).error().toException());
    assertEquals("region", out.get(7).error().field());

    // Batch results are complete: ratio, rate and rules as in a single call.
    ContributionResult r = out.get(0).orThrow();
    assertEquals(Ratio.of(1, 2), r.reliefRatio());
    assertEquals(engine.contribution(in.get(0)), r);
    assertTrue(out.get(3).toString().contains("not_found"));
  }

  static void assertMoney(BatchItem<ContributionResult> item, String due, String relief,
      String payable) {
    assertTrue(item.ok(), () -> String.valueOf(item.error()));
    assertNull(item.error());
    assertEquals(due, item.result().due().toPlainString());
    assertEquals(relief, item.result().relief().toPlainString());
    assertEquals(payable, item.result().payable().toPlainString());
    assertEquals(2, item.result().due().scale());
  }

  @Test
  void aRefusedAsOfFailsOnlyItsRecords() {
    // Each record carries its own as-of date; a date the library refuses
    // fails only the records that give it.
    List<BatchItem<ContributionResult>> out = engine.contributionBatch(List.of(
        jiAn202003().asOf(LocalDate.of(1, 1, 1)).build(),
        jiAn202003().build(),
        jiAn202003().asOf(LocalDate.of(1, 1, 1)).unitSize(UnitSize.SMALL).build()));
    assertEquals("invalid_argument", out.get(0).error().code());
    assertEquals("as_of", out.get(0).error().field());
    assertMoney(out.get(1), "1600.01", "800.01", "800.00");
    assertEquals("invalid_argument", out.get(2).error().code());
  }

  @Test
  void allDefaultRates() {
    // No record gives a rate.
    List<BatchItem<ContributionResult>> out = engine.contributionBatch(List.of(
        jiAn202003().rate((Ratio) null).build(),
        jiAn202003().rate((Ratio) null).unitSize(UnitSize.MICRO).build(),
        jiAn202003().rate((Ratio) null).insurance(Insurance.WORK_INJURY).build()));
    assertMoney(out.get(0), "1600.01", "800.01", "800.00");
    assertMoney(out.get(1), "1600.01", "1600.01", "0.00");
    assertEquals("not_found", out.get(2).error().code()); // no work-injury default
  }

  @Test
  void emptyAndNull() {
    assertEquals(List.of(), engine.contributionBatch(List.of()));
    assertThrows(NullPointerException.class, () -> engine.contributionBatch(null));
  }

  @Test
  void batchEqualsSingleCalls() {
    UnitSize[] sizes = UnitSize.values();
    UnitType[] types = UnitType.values();
    List<ContributionRequest> in = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      ContributionRequest.Builder b = ContributionRequest.builder()
          .region(i % 3 == 0 ? "420000" : "360800")
          .unitSize(sizes[i % sizes.length])
          .unitType(types[(i / 4) % types.length])
          .insurance(Insurance.PENSION)
          .period(YearMonth.of(2020, 1 + i % 12))
          .base(BigDecimal.valueOf(100000 + 7L * i, 2));
      if (i % 2 == 0) b.rate(dec("0.16"));
      if (i % 5 == 0) b.asOf(LocalDate.of(2020, 6, 1 + i % 30));
      in.add(b.build());
    }
    List<BatchItem<ContributionResult>> out = engine.contributionBatch(in);
    for (int i = 0; i < in.size(); i++) {
      assertEquals(engine.contribution(in.get(i)), out.get(i).orThrow(), "record " + i);
    }
  }
}
