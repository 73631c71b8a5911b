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

/** contributionBatch: per-record results or errors, never an exception for a bad record. */
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
        jiAn202003().insurance(Insurance.UNEMPLOYMENT).rate(null).build(), // not_found
        jiAn202003().unitSize(UnitSize.SMALL).period(YearMonth.of(2020, 7))
            .base(dec("10000.00")).asOf(LocalDate.of(2020, 6, 1)).build(), // relief 0.00
        null, // a null record is an error item
        jiAn202003().unitSize(UnitSize.SMALL).period(YearMonth.of(2020, 7))
            .base(dec("10000.00")).asOf(LocalDate.of(2020, 7, 1)).build(), // relief 1600.00
        jiAn202003().region(999999).build(), // invalid_argument
        jiAn202003().rate(null).build(), // default rate among given rates
        jiAn202003().base(dec("100")).rate(1, 3).build()); // 33.33 / 16.67 / 16.66
    List<ContributionBatchItem> out = engine.contributionBatch(in);
    assertEquals(in.size(), out.size());
    for (int i = 0; i < out.size(); i++) assertEquals(i, out.get(i).index());

    assertMoney(out.get(0), "1600.01", "800.01", "800.00");
    assertMoney(out.get(1), "1600.01", "1600.01", "0.00");
    assertMoney(out.get(2), "1600.01", "0.00", "1600.01");
    assertMoney(out.get(4), "1600.00", "0.00", "1600.00");
    assertMoney(out.get(6), "1600.00", "1600.00", "0.00");
    assertMoney(out.get(8), "1600.01", "800.01", "800.00");
    assertMoney(out.get(9), "33.33", "16.67", "16.66");

    ContributionBatchItem noRate = out.get(3);
    assertFalse(noRate.ok());
    assertNull(noRate.result());
    assertInstanceOf(NotFoundException.class, noRate.error());
    assertEquals("rate", noRate.error().field());
    assertTrue(noRate.error().getMessage().contains("unemployment"), noRate.error().getMessage());
    assertThrows(NotFoundException.class, noRate::orThrow);

    assertInstanceOf(InvalidArgumentException.class, out.get(5).error());
    assertInstanceOf(InvalidArgumentException.class, out.get(7).error());
    assertEquals("region", out.get(7).error().field());

    // Batch results carry no relief ratio.
    ContributionResult r = out.get(0).orThrow();
    assertFalse(r.hasReliefRatio());
    assertTrue(r.reliefRatio().isEmpty());
    assertThrows(IllegalStateException.class, r::reliefRatioText);
    assertThrows(IllegalStateException.class, r::reliefRatioNumerator);
    assertThrows(IllegalStateException.class, r::reliefRatioDenominator);
    assertTrue(out.get(3).toString().contains("not_found"));
  }

  static void assertMoney(ContributionBatchItem item, String due, String relief, String payable) {
    assertTrue(item.ok(), () -> String.valueOf(item.error()));
    assertNull(item.error());
    assertEquals(due, item.result().due().toPlainString());
    assertEquals(relief, item.result().relief().toPlainString());
    assertEquals(payable, item.result().payable().toPlainString());
    assertEquals(2, item.result().due().scale());
  }

  @Test
  void aRefusedAsOfFailsOnlyItsRecords() {
    // The C batch takes one as-of date; records are grouped by it. A date the
    // library refuses fails the whole native call for that group only.
    List<ContributionBatchItem> out = engine.contributionBatch(List.of(
        jiAn202003().asOf(LocalDate.of(1, 1, 1)).build(),
        jiAn202003().build(),
        jiAn202003().asOf(LocalDate.of(1, 1, 1)).unitSize(UnitSize.SMALL).build()));
    assertInstanceOf(InvalidArgumentException.class, out.get(0).error());
    assertEquals("as_of", out.get(0).error().field());
    assertMoney(out.get(1), "1600.01", "800.01", "800.00");
    assertInstanceOf(InvalidArgumentException.class, out.get(2).error());
  }

  @Test
  void allDefaultRates() {
    // No record gives a rate: the rate arrays are passed as NULL.
    List<ContributionBatchItem> out = engine.contributionBatch(List.of(
        jiAn202003().rate(null).build(),
        jiAn202003().rate(null).unitSize(UnitSize.MICRO).build(),
        jiAn202003().rate(null).insurance(Insurance.WORK_INJURY).build()));
    assertMoney(out.get(0), "1600.01", "800.01", "800.00");
    assertMoney(out.get(1), "1600.01", "1600.01", "0.00");
    assertInstanceOf(NotFoundException.class, out.get(2).error()); // no work-injury default
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
    List<ContributionBatchItem> out = engine.contributionBatch(in);
    for (int i = 0; i < in.size(); i++) {
      ContributionResult single = engine.contribution(in.get(i));
      ContributionResult batch = out.get(i).orThrow();
      assertEquals(single.due(), batch.due(), "record " + i);
      assertEquals(single.relief(), batch.relief(), "record " + i);
      assertEquals(single.payable(), batch.payable(), "record " + i);
    }
  }
}
