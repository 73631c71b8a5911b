package cn.sipolicy;

import java.util.List;

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
}
