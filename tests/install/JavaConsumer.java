// JavaConsumer — the installed Java binding, built and run by install_test.cmake
// with nothing but <prefix>/share/java/sipolicy.jar on the class path: JNA
// comes from the jar's manifest, libsipolicy from next to the jar (no
// -Dsipolicy.library, no SIPOLICY_LIBRARY, no jna.library.path).
//
// 吉安 (360800), large enterprise, pension, 2020-03, base 10000.05 yuan:
//   due = 10000.05 x 0.16 = 1600.008 -> 1600.01; halved (赣人社发〔2020〕11号):
//   relief = 800.005 -> 800.01; payable = 1600.01 - 800.01 = 800.00.
// Prints "java: <due> <relief> <payable> <library>" (the library file the JVM
// mapped, from /proc/self/maps) and exits 0 when the amounts are those.
import cn.sipolicy.ContributionRequest;
import cn.sipolicy.ContributionResult;
import cn.sipolicy.Engine;
import cn.sipolicy.Insurance;
import cn.sipolicy.UnitSize;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.YearMonth;

public final class JavaConsumer {
  private JavaConsumer() {}

  public static void main(String[] args) throws IOException {
    try (Engine engine = Engine.create()) {
      ContributionResult c = engine.contribution(ContributionRequest.builder()
          .region("360800")
          .unitSize(UnitSize.LARGE)
          .insurance(Insurance.PENSION)
          .period(YearMonth.of(2020, 3))
          .base(new BigDecimal("10000.05"))
          .build());
      String library = Files.readAllLines(Paths.get("/proc/self/maps")).stream()
          .filter(line -> line.contains("libsipolicy.so"))
          .map(line -> line.substring(line.indexOf('/')))
          .findFirst().orElse("?");
      System.out.println("java: " + c.due() + " " + c.relief() + " " + c.payable() + " " + library);
      boolean ok = c.due().equals(new BigDecimal("1600.01"))
          && c.relief().equals(new BigDecimal("800.01"))
          && c.payable().equals(new BigDecimal("800.00"));
      System.exit(ok ? 0 : 1);
    }
  }
}
