package cn.sipolicy;

import java.util.List;
import java.util.Objects;

/**
 * The outputs of {@link Engine#stableJobRefundColumns}: one entry per unit,
 * in input order. Money is in fen; the ratio is an exact fraction; {@code
 * reasons[i]} has bit {@link RefundReason#code()} set for each refusal reason;
 * {@code payee[i]} is a {@link Payee#code()}. A failed record has {@code
 * status[i] != 0}, zeros elsewhere and its "field: message" in {@code
 * errors[i]} (null for good records).
 *
 * <p>Arrays are compared by identity in {@code equals}, as for any record
 * holding arrays.
 *
 * @param eligible 1 when eligible, else 0
 * @param amount the amount to pay, fen
 * @param ratioNum numerator of the rate applied (0 when not eligible)
 * @param ratioDen denominator of the rate applied (0 for a failed record)
 * @param reasons bit set of refusal reasons
 * @param payee the payee's code
 * @param status each record's status code ({@link Status#OK} = 0)
 * @param errors null for a good record, "field: message" for a failed one
 * @param failed the number of failed records
 */
public record StableJobRefundColumns(int[] eligible, long[] amount, long[] ratioNum,
    long[] ratioDen, int[] reasons, int[] payee, int[] status, String[] errors, long failed) {
  /** Flag: 长期欠费 (the C ABI's SIPOLICY_ARREARS). */
  public static final int ARREARS = 1;
  /** Flag: 违法或严重失信 (SIPOLICY_DISHONEST). */
  public static final int DISHONEST = 2;
  /** Flag: 破产清算 (SIPOLICY_LIQUIDATION). */
  public static final int LIQUIDATION = 4;
  /** Flag: 僵尸企业 (SIPOLICY_ZOMBIE). */
  public static final int ZOMBIE = 8;
  /** Flag: no 对公账户 (SIPOLICY_NO_PUBLIC_ACCOUNT). */
  public static final int NO_PUBLIC_ACCOUNT = 16;

  /** The number of records. */
  public int size() {
    return status.length;
  }

  /** Record i's rate, or null for a failed record. */
  public Ratio ratio(int i) {
    return ratioDen[i] == 0 ? null : Ratio.of(ratioNum[i], ratioDen[i]);
  }

  /** Record i's reason codes, in order ("layoff_rate_above_target", …). */
  public List<String> reasonCodes(int i) {
    return RefundReason.namesOf(reasons[i]);
  }

  /** Record i's payee. */
  public Payee payeeOf(int i) {
    return Payee.values()[payee[i]];
  }

  /** {@link Engine#stableJobRefundColumns}: flags split into columns, one columnar batch. */
  static StableJobRefundColumns run(Engine engine, int[] region, int[] unitSize, int[] unitType,
      int[] year, long[] priorYearPaidFen, int[] monthsPaid, long[] layoffs, long[] insured,
      int[] flags, long[] alreadyRefundedFen, int[] asOf) {
    Objects.requireNonNull(region, "region must not be null");
    int n = region.length;
    Columns in = new Columns(n)
        .put("region", region)
        .put("unit.size", Objects.requireNonNull(unitSize, "unitSize must not be null"))
        .put("year", Objects.requireNonNull(year, "year must not be null"))
        .put("prior_year_paid",
            Objects.requireNonNull(priorYearPaidFen, "priorYearPaidFen must not be null"))
        .put("months_paid", Objects.requireNonNull(monthsPaid, "monthsPaid must not be null"))
        .put("layoffs", Objects.requireNonNull(layoffs, "layoffs must not be null"))
        .put("insured", Objects.requireNonNull(insured, "insured must not be null"));
    if (unitType != null) in.put("unit.type", unitType);
    if (flags != null) {
      if (flags.length != n) {
        throw new IllegalArgumentException("flags has " + flags.length + " values, not " + n);
      }
      int[] arrears = new int[n];
      int[] dishonest = new int[n];
      int[] liquidation = new int[n];
      int[] zombie = new int[n];
      int[] publicAccount = new int[n];
      for (int i = 0; i < n; i++) {
        int f = flags[i];
        arrears[i] = f & StableJobRefundColumns.ARREARS;
        dishonest[i] = (f & StableJobRefundColumns.DISHONEST) >>> 1;
        liquidation[i] = (f & StableJobRefundColumns.LIQUIDATION) >>> 2;
        zombie[i] = (f & StableJobRefundColumns.ZOMBIE) >>> 3;
        publicAccount[i] = (f & StableJobRefundColumns.NO_PUBLIC_ACCOUNT) == 0 ? 1 : 0;
      }
      in.put("arrears", arrears).put("dishonest", dishonest).put("liquidation", liquidation)
          .put("zombie", zombie).put("has_public_account", publicAccount);
    }
    if (alreadyRefundedFen != null) in.put("already_refunded", alreadyRefundedFen);
    if (asOf != null) in.put("as_of", asOf);
    Columns out = engine.batch("stable_job_refund", in, "eligible", "amount", "ratio.num",
        "ratio.den", "reasons", "payee", "status", "error");
    return new StableJobRefundColumns(out.ints("eligible"), out.longs("amount"),
        out.longs("ratio.num"), out.longs("ratio.den"), out.ints("reasons"), out.ints("payee"),
        out.ints("status"), out.errors(), out.failed());
  }
}
