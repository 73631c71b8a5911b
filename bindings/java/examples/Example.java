// The sipolicy Java binding in a few lines: a typed call, a batch, a columnar
// batch, and the late fee.
//
//   java -cp sipolicy.jar:/usr/share/java/jna.jar:. \
//        -Dsipolicy.library=/path/to/libsipolicy.so.1 Example
import cn.sipolicy.BatchItem;
import cn.sipolicy.Columns;
import cn.sipolicy.ContributionRequest;
import cn.sipolicy.ContributionResult;
import cn.sipolicy.Engine;
import cn.sipolicy.Insurance;
import cn.sipolicy.LateFeeResult;
import cn.sipolicy.Rule;
import cn.sipolicy.SipolicyException;
import cn.sipolicy.StableJobRefundRequest;
import cn.sipolicy.StableJobRefundResult;
import cn.sipolicy.UnitSize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

public final class Example {
  private Example() {}

  public static void main(String[] args) {
    boolean ok = true;
    try (Engine engine = Engine.create()) {
      // 1. A typed call. Pension for a large enterprise in Ji'an (360800),
      // March 2020: halved by 赣人社发〔2020〕11号.
      ContributionResult c = engine.contribution(ContributionRequest.builder()
          .region("360800")
          .unitSize(UnitSize.LARGE)
          .insurance(Insurance.PENSION)
          .period(YearMonth.of(2020, 3))
          .base(new BigDecimal("10000.05"))
          .build());
      System.out.println("contribution: due " + c.due() + ", relief ratio " + c.reliefRatio()
          + ", relief " + c.relief() + ", payable " + c.payable());
      for (Rule r : c.rules()) {
        System.out.println("  " + r.citation() + " [" + r.id() + "]"
            + (r.verified() ? "" : " (unverified)"));
      }
      // With the explanation: each step in English and Chinese, and the rules' documents.
      ContributionResult explained = engine.evaluate(ContributionRequest.builder()
          .region("360800").unitSize(UnitSize.LARGE).insurance(Insurance.PENSION)
          .period(YearMonth.of(2020, 3)).base(new BigDecimal("10000.05")).build(), true);
      System.out.println("  " + explained.trace().size() + " steps; first rule: "
          + explained.rules().get(0).title() + ", issued " + explained.rules().get(0).issued());
      ok &= explained.equals(new ContributionResult(c.due(), c.reliefRatio(), c.relief(),
          c.payable(), c.rate(), explained.rules(), explained.trace()));
      ok &= c.due().equals(new BigDecimal("1600.01")) && c.payable().equals(new BigDecimal("800.00"));

      // 2. A batch: one native call, one item per request, a bad record does not stop the rest.
      StableJobRefundRequest.Builder unit = StableJobRefundRequest.builder().region("520000")
          .unitSize(UnitSize.SMALL).year(2022).monthsPaid(12).layoffs(0).insured(25);
      List<BatchItem<StableJobRefundResult>> refunds = engine.stableJobRefundBatch(List.of(
          unit.priorYearPaid(new BigDecimal("12000.00")).build(),
          unit.priorYearPaid(new BigDecimal("-1")).build(),
          unit.priorYearPaid(new BigDecimal("5000.00")).build()));
      for (BatchItem<StableJobRefundResult> item : refunds) {
        System.out.println("refund #" + item.index() + ": "
            + (item.ok() ? item.result().amount() + " to " + item.result().payee()
                : "error " + item.error()));
      }
      ok &= refunds.get(0).result().amount().equals(new BigDecimal("10800.00"))
          && !refunds.get(1).ok()
          && refunds.get(2).result().amount().equals(new BigDecimal("4500.00"));

      // 3. A columnar batch: primitive arrays in and out, no object per record.
      if (Engine.hasColumnarBatch()) {
        Columns in = new Columns(3)
            .put("region", new int[] {360800, 360800, 420000})
            .put("unit.size", new int[] {UnitSize.LARGE.code(), UnitSize.SMALL.code(),
                UnitSize.LARGE.code()})
            .put("insurance", new int[] {Insurance.PENSION.code(), Insurance.PENSION.code(),
                Insurance.PENSION.code()})
            .put("period", new int[] {202003, 202003, 202005})
            .put("base", new long[] {1_000_005, 1_000_005, 1_000_000}); // fen
        Columns out = engine.batch("contribution", in, "due", "relief", "payable", "status");
        long[] payable = out.longs("payable");
        for (int i = 0; i < payable.length; i++) {
          System.out.println("columns #" + i + ": due " + BigDecimal.valueOf(out.longs("due")[i], 2)
              + ", payable " + BigDecimal.valueOf(payable[i], 2)
              + ", status " + out.ints("status")[i]);
        }
        ok &= payable[0] == 80000 && payable[1] == 0 && payable[2] == 0 && out.failed() == 0;
      } else {
        System.out.println("columns: this libsipolicy has no sipolicy_batch");
      }

      // 滞纳金 on 1000.00 due 2020-03-15, paid 2020-04-01: 17 days × 0.05%.
      LateFeeResult f = engine.lateFee(new BigDecimal("1000.00"), LocalDate.of(2020, 3, 15),
          LocalDate.of(2020, 4, 1), null);
      System.out.println("late fee: " + f.days() + " days, fee " + f.fee());
      ok &= f.fee().equals(new BigDecimal("8.50"));
    } catch (SipolicyException e) {
      System.err.println("sipolicy error: " + e);
      System.exit(1);
    }
    if (!ok) {
      System.err.println("unexpected results");
      System.exit(1);
    }
  }
}
