// The sipolicy Java binding in a few lines: one contribution, one late fee.
//
//   java -cp sipolicy.jar:/usr/share/java/jna.jar:. \
//        -Dsipolicy.library=/path/to/libsipolicy.so.1 Example
import cn.sipolicy.ContributionRequest;
import cn.sipolicy.ContributionResult;
import cn.sipolicy.Engine;
import cn.sipolicy.Insurance;
import cn.sipolicy.LateFeeResult;
import cn.sipolicy.SipolicyException;
import cn.sipolicy.UnitSize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

public final class Example {
  private Example() {}

  public static void main(String[] args) {
    try (Engine engine = Engine.create()) {
      // Pension for a large enterprise in Ji'an (360800), March 2020: halved
      // by 赣人社发〔2020〕11号.
      ContributionResult c = engine.contribution(ContributionRequest.builder()
          .region("360800")
          .unitSize(UnitSize.LARGE)
          .insurance(Insurance.PENSION)
          .period(YearMonth.of(2020, 3))
          .base(new BigDecimal("10000.05"))
          .rate(new BigDecimal("0.16"))
          .build());
      System.out.println("contribution: due " + c.due().toPlainString()
          + ", relief ratio " + c.reliefRatioText()
          + ", relief " + c.relief().toPlainString()
          + ", payable " + c.payable().toPlainString());

      // 滞纳金 on 1000.00 due 2020-03-15, paid 2020-04-01.
      LateFeeResult f = engine.lateFee(new BigDecimal("1000.00"), LocalDate.of(2020, 3, 15),
          LocalDate.of(2020, 4, 1), null);
      System.out.println("late fee: " + f.days() + " days, fee " + f.fee().toPlainString());

      boolean ok = c.due().toPlainString().equals("1600.01")
          && c.payable().toPlainString().equals("800.00")
          && f.fee().toPlainString().equals("8.50");
      if (!ok) {
        System.err.println("unexpected results");
        System.exit(1);
      }
    } catch (SipolicyException e) {
      System.err.println("sipolicy error: " + e);
      System.exit(1);
    }
  }
}
