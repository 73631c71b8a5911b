package cn.sipolicy;

import java.util.Objects;

/**
 * The outputs of {@link Engine#contributionColumns}: one entry per record,
 * in input order. Money is in fen (divide by 100 for yuan:
 * {@code BigDecimal.valueOf(due[i], 2)}); the relief ratio is an exact
 * fraction. A failed record has {@code status[i] != 0}, zeros elsewhere and
 * its "field: message" in {@code errors[i]} (null for good records).
 *
 * <p>Arrays are compared by identity in {@code equals}, as for any record
 * holding arrays.
 *
 * @param due contribution before relief, fen
 * @param relief the amount exempted, fen
 * @param payable due − relief, fen
 * @param reliefRatioNum numerator of the relief ratio
 * @param reliefRatioDen denominator of the relief ratio (0 for a failed record)
 * @param status each record's status code ({@link Status#OK} = 0)
 * @param errors null for a good record, "field: message" for a failed one
 * @param failed the number of failed records
 */
public record ContributionColumns(long[] due, long[] relief, long[] payable,
    long[] reliefRatioNum, long[] reliefRatioDen, int[] status, String[] errors, long failed) {

  /** The number of records. */
  public int size() {
    return status.length;
  }

  /** Record i's relief ratio, or null for a failed record. */
  public Ratio reliefRatio(int i) {
    return reliefRatioDen[i] == 0 ? null : Ratio.of(reliefRatioNum[i], reliefRatioDen[i]);
  }

  /** {@link Engine#contributionColumns}: the columns in, one columnar batch, the record out. */
  static ContributionColumns run(Engine engine, int[] region, int[] unitSize, int[] unitType,
      int[] insurance, int[] period, long[] baseFen, long[] rateNum, long[] rateDen,
      int[] asOf) {
    Objects.requireNonNull(region, "region must not be null");
    Columns in = new Columns(region.length)
        .put("region", region)
        .put("unit.size", Objects.requireNonNull(unitSize, "unitSize must not be null"))
        .put("insurance", Objects.requireNonNull(insurance, "insurance must not be null"))
        .put("period", Objects.requireNonNull(period, "period must not be null"))
        .put("base", Objects.requireNonNull(baseFen, "baseFen must not be null"));
    if (unitType != null) in.put("unit.type", unitType);
    if ((rateNum == null) != (rateDen == null)) {
      throw new IllegalArgumentException("rateNum and rateDen go together");
    }
    if (rateNum != null) in.put("rate.num", rateNum).put("rate.den", rateDen);
    if (asOf != null) in.put("as_of", asOf);
    Columns out = engine.batch("contribution", in, "due", "relief", "payable", "relief_ratio.num",
        "relief_ratio.den", "status", "error");
    return new ContributionColumns(out.longs("due"), out.longs("relief"), out.longs("payable"),
        out.longs("relief_ratio.num"), out.longs("relief_ratio.den"), out.ints("status"),
        out.errors(), out.failed());
  }
}
