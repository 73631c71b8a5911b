package cn.sipolicy;

/** A reason a job-stabilisation refund (稳岗返还) is refused; in columnar results bit {@code code()} of the "reasons" column. */
public enum RefundReason {
  /** 机关事业单位 are not covered */
  PUBLIC_INSTITUTION(0, "public_institution"),
  /** the year's document does not cover the unit type */
  UNIT_TYPE_NOT_COVERED(1, "unit_type_not_covered"),
  /** more than 30 insured and layoffs above the target */
  LAYOFF_RATE_ABOVE_TARGET(2, "layoff_rate_above_target"),
  /** at most 30 insured, layoffs above the target and above 20% */
  LAYOFF_RATE_ABOVE_SMALL_UNIT_LIMIT(3, "layoff_rate_above_small_unit_limit"),
  /** fewer than the required months paid */
  MONTHS_PAID_BELOW_REQUIRED(4, "months_paid_below_required"),
  /** 长期欠费 */
  LONG_TERM_ARREARS(5, "long_term_arrears"),
  /** 违法或严重失信 */
  SERIOUSLY_DISHONEST(6, "seriously_dishonest"),
  /** 破产清算 */
  LIQUIDATION(7, "liquidation"),
  /** 僵尸企业 */
  ZOMBIE_ENTERPRISE(8, "zombie_enterprise");

  private final int code;
  private final String jsonName;

  RefundReason(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("public_institution", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static RefundReason fromJsonName(String name) {
    for (RefundReason v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown RefundReason '" + name + "'");
  }

  /** The reasons whose bits are set in a columnar "reasons" value (bit i = code i). */
  public static java.util.Set<RefundReason> fromBits(int bits) {
    java.util.EnumSet<RefundReason> out = java.util.EnumSet.noneOf(RefundReason.class);
    for (RefundReason r : values()) {
      if ((bits & (1 << r.code)) != 0) out.add(r);
    }
    return out;
  }

  /** The reason codes ("layoff_rate_above_target", …) of a columnar "reasons" value, in order. */
  public static java.util.List<String> namesOf(int bits) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (RefundReason r : fromBits(bits)) out.add(r.jsonName);
    return out;
  }
}
