import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Java contenders of the policy benchmark (driven by bench/bench.py).
 *
 * <pre>java -cp ... SipolicyBench DIR RUNS WARMUPS</pre>
 *
 * <p>Reads the records bench_policy wrote under DIR and times, on the same
 * records: "java_bigdecimal", what an integrator writes (BigDecimal per
 * record, setScale(2, HALF_UP), the year's rules in a small table), and
 * "java_binding", the binding's columnar {@code Engine.batch} (loaded
 * reflectively from BindingContender, which is compiled only when the
 * binding has the Columns API). Each is run WARMUPS times before RUNS timed
 * runs. Outputs go to DIR/out/&lt;contender&gt;/&lt;workload&gt;/ as raw
 * little-endian columns; timings to stdout as JSON lines.
 */
public final class SipolicyBench {
  /** The binding's columnar call, as BindingContender implements it. */
  public interface Batch extends AutoCloseable {
    /** inputs: name → int[] or long[]; returns name → int[] or long[] per output. */
    Map<String, Object> batch(String op, int n, Map<String, Object> inputs, String[] outputs);

    @Override
    void close();
  }

  // --- codes as the C ABI numbers them ---------------------------------------
  enum Size { LARGE, MEDIUM, SMALL, MICRO }
  enum Type { ENTERPRISE, INDIVIDUAL_BUSINESS, SOCIAL_ORGANIZATION, PUBLIC_INSTITUTION }
  enum Insurance { PENSION, UNEMPLOYMENT, WORK_INJURY }
  enum Reason {
    PUBLIC_INSTITUTION, UNIT_TYPE_NOT_COVERED, LAYOFF_RATE_ABOVE_TARGET,
    LAYOFF_RATE_ABOVE_SMALL_UNIT_LIMIT, MONTHS_PAID_BELOW_REQUIRED, LONG_TERM_ARREARS,
    SERIOUSLY_DISHONEST, LIQUIDATION, ZOMBIE_ENTERPRISE
  }
  enum Payee { NONE, PUBLIC_ACCOUNT, CONTRIBUTION_ACCOUNT, UNRESOLVED }

  // --- the integrator's code: records and a rules table ------------------------
  record Contribution(String region, Size size, Type type, Insurance insurance, int year,
                      int month, BigDecimal base, BigDecimal rate) {}

  record Assessment(BigDecimal due, BigDecimal relief, BigDecimal payable) {}

  static final class Rules2020 {
    static final BigDecimal HALF = new BigDecimal("0.5");
    static final Map<Insurance, BigDecimal> DEFAULT_RATES =
        Map.of(Insurance.PENSION, new BigDecimal("0.16"));

    /** SMEs and 个体工商户 exempt Feb–Dec; large units etc. halved Feb–Jun (exempt in 湖北). */
    static BigDecimal reliefRatio(String region, Size size, Type type, int month) {
      if (type == Type.PUBLIC_INSTITUTION || month < 2) return BigDecimal.ZERO;
      boolean sme = type == Type.INDIVIDUAL_BUSINESS
          || (type == Type.ENTERPRISE && size != Size.LARGE);
      if (sme) return BigDecimal.ONE;
      if (month > 6) return BigDecimal.ZERO;
      return region.startsWith("42") ? BigDecimal.ONE : HALF;
    }

    /** null when no rate is known (no default but pension's). */
    static Assessment assess(Contribution c) {
      BigDecimal rate = c.rate() != null ? c.rate() : DEFAULT_RATES.get(c.insurance());
      if (rate == null) return null;
      BigDecimal due = c.base().multiply(rate).setScale(2, RoundingMode.HALF_UP);
      BigDecimal relief = due.multiply(reliefRatio(c.region(), c.size(), c.type(), c.month()))
          .setScale(2, RoundingMode.HALF_UP);
      return new Assessment(due, relief, due.subtract(relief));
    }
  }

  record Unit(String region, Size size, Type type, BigDecimal priorYearPaid, int monthsPaid,
              long layoffs, long insured, boolean arrears, boolean dishonest, boolean liquidation,
              boolean zombie, BigDecimal alreadyRefunded, boolean hasPublicAccount) {}

  record Refund(boolean eligible, BigDecimal amount, EnumSet<Reason> reasons, Payee payee) {}

  static final class Rules2022 {
    static final BigDecimal LARGE_RATE = new BigDecimal("0.5");
    static final BigDecimal SME_RATE = new BigDecimal("0.9");
    static final BigDecimal LAYOFF_TARGET = new BigDecimal("0.055");
    static final BigDecimal SMALL_UNIT_LIMIT = new BigDecimal("0.2");
    static final int SMALL_UNIT_INSURED = 30;

    static Refund screen(Unit u) {
      if (u.type() == Type.PUBLIC_INSTITUTION) {
        return new Refund(false, BigDecimal.ZERO, EnumSet.of(Reason.PUBLIC_INSTITUTION),
            Payee.NONE);
      }
      EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
      BigDecimal layoffs = BigDecimal.valueOf(u.layoffs());
      BigDecimal insured = BigDecimal.valueOf(u.insured());
      if (layoffs.compareTo(LAYOFF_TARGET.multiply(insured)) > 0) {
        if (u.insured() > SMALL_UNIT_INSURED) {
          reasons.add(Reason.LAYOFF_RATE_ABOVE_TARGET);
        } else if (layoffs.compareTo(SMALL_UNIT_LIMIT.multiply(insured)) > 0) {
          reasons.add(Reason.LAYOFF_RATE_ABOVE_SMALL_UNIT_LIMIT);
        }
      }
      if (u.monthsPaid() < 12) reasons.add(Reason.MONTHS_PAID_BELOW_REQUIRED);
      if (u.arrears()) reasons.add(Reason.LONG_TERM_ARREARS);
      if (u.dishonest()) reasons.add(Reason.SERIOUSLY_DISHONEST);
      if (u.liquidation()) reasons.add(Reason.LIQUIDATION);
      if (u.zombie()) reasons.add(Reason.ZOMBIE_ENTERPRISE);
      if (!reasons.isEmpty()) return new Refund(false, BigDecimal.ZERO, reasons, Payee.NONE);
      boolean large = u.size() == Size.LARGE && u.type() != Type.INDIVIDUAL_BUSINESS;
      BigDecimal entitlement = u.priorYearPaid().multiply(large ? LARGE_RATE : SME_RATE)
          .setScale(2, RoundingMode.HALF_UP);
      BigDecimal amount = entitlement.subtract(u.alreadyRefunded()).max(BigDecimal.ZERO);
      Payee payee;
      if (amount.signum() == 0) {
        payee = Payee.NONE;
      } else if (u.hasPublicAccount()) {
        payee = Payee.PUBLIC_ACCOUNT;
      } else if (u.size() == Size.SMALL || u.size() == Size.MICRO
          || u.type() == Type.INDIVIDUAL_BUSINESS) {
        payee = Payee.CONTRIBUTION_ACCOUNT;
      } else {
        payee = Payee.UNRESOLVED;
      }
      return new Refund(true, amount, reasons, payee);
    }
  }

  // --- columns on disk ------------------------------------------------------------
  static int[] ints(Path dir, String name) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(name + ".i32")))
        .order(ByteOrder.LITTLE_ENDIAN);
    int[] a = new int[b.remaining() / 4];
    b.asIntBuffer().get(a);
    return a;
  }

  static long[] longs(Path dir, String name) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(name + ".i64")))
        .order(ByteOrder.LITTLE_ENDIAN);
    long[] a = new long[b.remaining() / 8];
    b.asLongBuffer().get(a);
    return a;
  }

  static void write(Path dir, String name, Object column) throws IOException {
    Files.createDirectories(dir);
    ByteBuffer b;
    String suffix;
    if (column instanceof int[] a) {
      b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asIntBuffer().put(a);
      suffix = ".i32";
    } else {
      long[] a = (long[]) column;
      b = ByteBuffer.allocate(a.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      b.asLongBuffer().put(a);
      suffix = ".i64";
    }
    Files.write(dir.resolve(name + suffix), b.array());
  }

  static long fen(BigDecimal d) {
    return d.movePointRight(2).longValueExact();
  }

  static BigDecimal money(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  static final String[] CONTRIBUTION_IN = {"region", "unit.size", "unit.type", "insurance",
      "period", "base", "rate.num", "rate.den"};
  static final String[] CONTRIBUTION_OUT = {"due", "relief", "payable", "status"};
  static final String[] SCREENING_IN = {"region", "unit.size", "unit.type", "year",
      "prior_year_paid", "months_paid", "layoffs", "insured", "arrears", "dishonest",
      "liquidation", "zombie", "already_refunded", "has_public_account"};
  static final String[] SCREENING_OUT = {"eligible", "amount", "reasons", "payee", "status"};

  static Map<String, Object> readColumns(Path dir, String[] names) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String name : names) {
      m.put(name, Files.exists(dir.resolve(name + ".i64")) ? longs(dir, name) : ints(dir, name));
    }
    return m;
  }

  // --- timing -----------------------------------------------------------------------
  static <T> T timed(Supplier<T> fn, int warmups, int runs, List<Long> times) {
    T result = null;
    for (int i = 0; i < warmups; i++) result = fn.get();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      result = fn.get();
      times.add(System.nanoTime() - t0);
    }
    return result;
  }

  static void emit(String workload, String contender, int n, List<Long> times) {
    StringBuilder s = new StringBuilder("{\"kind\":\"time\",\"workload\":\"").append(workload)
        .append("\",\"contender\":\"").append(contender).append("\",\"n\":").append(n)
        .append(",\"runs_ns\":[");
    for (int i = 0; i < times.size(); i++) s.append(i > 0 ? "," : "").append(times.get(i));
    System.out.println(s.append("]}"));
    System.out.flush();
  }

  static void skip(String workload, String contender, String reason) {
    System.out.println("{\"kind\":\"skip\",\"workload\":\"" + workload + "\",\"contender\":\""
        + contender + "\",\"reason\":\"" + reason.replace("\\", "\\\\").replace("\"", "'") + "\"}");
    System.out.flush();
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    int warmups = Integer.parseInt(args[2]);
    Path out = dir.resolve("out");
    Map<String, Object> cin = readColumns(dir.resolve("contribution/in"), CONTRIBUTION_IN);
    Map<String, Object> sin = readColumns(dir.resolve("screening/in"), SCREENING_IN);
    int nc = ((int[]) cin.get("region")).length;
    int ns = ((int[]) sin.get("region")).length;

    // The integrator's records, as a ledger query would hand them over.
    List<Contribution> records = new ArrayList<>(nc);
    {
      int[] region = (int[]) cin.get("region"), size = (int[]) cin.get("unit.size"),
          type = (int[]) cin.get("unit.type"), ins = (int[]) cin.get("insurance"),
          period = (int[]) cin.get("period");
      long[] base = (long[]) cin.get("base"), rnum = (long[]) cin.get("rate.num"),
          rden = (long[]) cin.get("rate.den");
      for (int i = 0; i < nc; i++) {
        records.add(new Contribution(Integer.toString(region[i]), Size.values()[size[i]],
            Type.values()[type[i]], Insurance.values()[ins[i]], period[i] / 100, period[i] % 100,
            money(base[i]), rden[i] != 0 ? BigDecimal.valueOf(rnum[i], 4) : null));
      }
    }
    List<Unit> units = new ArrayList<>(ns);
    {
      int[] region = (int[]) sin.get("region"), size = (int[]) sin.get("unit.size"),
          type = (int[]) sin.get("unit.type"), months = (int[]) sin.get("months_paid"),
          arrears = (int[]) sin.get("arrears"), dishonest = (int[]) sin.get("dishonest"),
          liquidation = (int[]) sin.get("liquidation"), zombie = (int[]) sin.get("zombie"),
          pub = (int[]) sin.get("has_public_account");
      long[] paid = (long[]) sin.get("prior_year_paid"), layoffs = (long[]) sin.get("layoffs"),
          insured = (long[]) sin.get("insured"), already = (long[]) sin.get("already_refunded");
      for (int i = 0; i < ns; i++) {
        units.add(new Unit(Integer.toString(region[i]), Size.values()[size[i]],
            Type.values()[type[i]], money(paid[i]), months[i], layoffs[i], insured[i],
            arrears[i] != 0, dishonest[i] != 0, liquidation[i] != 0, zombie[i] != 0,
            money(already[i]), pub[i] != 0));
      }
    }

    // java_bigdecimal
    {
      List<Long> times = new ArrayList<>();
      Assessment[] res = timed(() -> {
        Assessment[] r = new Assessment[nc];
        for (int i = 0; i < nc; i++) r[i] = Rules2020.assess(records.get(i));
        return r;
      }, warmups, runs, times);
      long[] due = new long[nc], relief = new long[nc], payable = new long[nc];
      int[] status = new int[nc];
      for (int i = 0; i < nc; i++) {
        if (res[i] == null) {
          status[i] = 3;  // not_found: no rate known
        } else {
          due[i] = fen(res[i].due());
          relief[i] = fen(res[i].relief());
          payable[i] = fen(res[i].payable());
        }
      }
      Path d = out.resolve("java_bigdecimal/contribution");
      write(d, "due", due);
      write(d, "relief", relief);
      write(d, "payable", payable);
      write(d, "status", status);
      emit("contribution", "java_bigdecimal", nc, times);
    }
    {
      List<Long> times = new ArrayList<>();
      Refund[] res = timed(() -> {
        Refund[] r = new Refund[ns];
        for (int i = 0; i < ns; i++) r[i] = Rules2022.screen(units.get(i));
        return r;
      }, warmups, runs, times);
      int[] eligible = new int[ns], reasons = new int[ns], payee = new int[ns];
      int[] status = new int[ns];
      long[] amount = new long[ns];
      for (int i = 0; i < ns; i++) {
        eligible[i] = res[i].eligible() ? 1 : 0;
        amount[i] = fen(res[i].amount());
        for (Reason r : res[i].reasons()) reasons[i] |= 1 << r.ordinal();
        payee[i] = res[i].payee().ordinal();
      }
      Path d = out.resolve("java_bigdecimal/screening");
      write(d, "eligible", eligible);
      write(d, "amount", amount);
      write(d, "reasons", reasons);
      write(d, "payee", payee);
      write(d, "status", status);
      emit("screening", "java_bigdecimal", ns, times);
    }

    // java_binding
    Batch binding;
    try {
      binding = (Batch) Class.forName("BindingContender").getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      for (String wl : new String[] {"contribution", "screening"}) {
        skip(wl, "java_binding", "Java binding columnar batch not available");
      }
      return;
    }
    try (Batch b = binding) {
      Object[][] jobs = {{"contribution", "contribution", cin, CONTRIBUTION_OUT, nc},
                         {"screening", "stable_job_refund", sin, SCREENING_OUT, ns}};
      for (Object[] job : jobs) {
        String wl = (String) job[0], op = (String) job[1];
        @SuppressWarnings("unchecked")
        Map<String, Object> in = (Map<String, Object>) job[2];
        String[] outs = (String[]) job[3];
        int n = (Integer) job[4];
        List<Long> times = new ArrayList<>();
        Map<String, Object> res = timed(() -> b.batch(op, n, in, outs), warmups, runs, times);
        Path d = out.resolve("java_binding/" + wl);
        for (String name : outs) write(d, name, res.get(name));
        emit(wl, "java_binding", n, times);
      }
    }
  }
}
