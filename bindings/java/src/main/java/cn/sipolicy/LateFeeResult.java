package cn.sipolicy;

import java.math.BigDecimal;

/** 滞纳金: the days of arrears and the fee (scale 2). */
public final class LateFeeResult {
  private final int days;
  private final long feeFen;

  LateFeeResult(int days, long feeFen) {
    this.days = days;
    this.feeFen = feeFen;
  }

  /** Days of arrears counted. */
  public int days() {
    return days;
  }

  /** The fee, scale 2. */
  public BigDecimal fee() {
    return Convert.fromFen(feeFen);
  }

  public long feeFen() {
    return feeFen;
  }

  @Override
  public String toString() {
    return "LateFeeResult{days=" + days + ", fee=" + fee().toPlainString() + "}";
  }
}
