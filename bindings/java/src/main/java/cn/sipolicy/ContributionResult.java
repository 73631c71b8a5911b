package cn.sipolicy;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One month of employer contribution: due = round(base × rate), relief =
 * round(due × relief ratio), payable = due − relief. Money is a
 * {@link BigDecimal} with scale 2 built from integer fen.
 *
 * <p>The relief ratio is an exact fraction. Results of
 * {@link Engine#contributionBatch} carry no ratio (the C batch call does not
 * return it): {@link #hasReliefRatio()} is false there.
 */
public final class ContributionResult {
  private final long dueFen;
  private final long reliefFen;
  private final long payableFen;
  private final boolean hasRatio;
  private final long ratioNum;
  private final long ratioDen;

  ContributionResult(long dueFen, long reliefFen, long payableFen, boolean hasRatio, long ratioNum,
      long ratioDen) {
    this.dueFen = dueFen;
    this.reliefFen = reliefFen;
    this.payableFen = payableFen;
    this.hasRatio = hasRatio;
    this.ratioNum = ratioNum;
    this.ratioDen = ratioDen;
  }

  /** Contribution due before relief, scale 2. */
  public BigDecimal due() {
    return Convert.fromFen(dueFen);
  }

  /** Amount exempted (减免), scale 2. */
  public BigDecimal relief() {
    return Convert.fromFen(reliefFen);
  }

  /** Amount still to pay, scale 2. */
  public BigDecimal payable() {
    return Convert.fromFen(payableFen);
  }

  public long dueFen() {
    return dueFen;
  }

  public long reliefFen() {
    return reliefFen;
  }

  public long payableFen() {
    return payableFen;
  }

  /** False for batch results, which carry no relief ratio. */
  public boolean hasReliefRatio() {
    return hasRatio;
  }

  /** @throws IllegalStateException for a batch result */
  public long reliefRatioNumerator() {
    requireRatio();
    return ratioNum;
  }

  /** @throws IllegalStateException for a batch result */
  public long reliefRatioDenominator() {
    requireRatio();
    return ratioDen;
  }

  /**
   * The relief ratio as an exact decimal (0.5, 1, 0) when num/den is a finite
   * decimal; empty when it is not (2/3) or for a batch result.
   */
  public Optional<BigDecimal> reliefRatio() {
    return hasRatio ? Optional.ofNullable(Convert.ratio(ratioNum, ratioDen)) : Optional.empty();
  }

  /** The ratio as the JSON results write it: "0.5", "1", "0" or "2/3". */
  public String reliefRatioText() {
    requireRatio();
    return Convert.ratioText(ratioNum, ratioDen);
  }

  private void requireRatio() {
    if (!hasRatio) {
      throw new IllegalStateException(
          "batch results carry no relief ratio (sipolicy_contribution_batch does not return it)");
    }
  }

  @Override
  public String toString() {
    return "ContributionResult{due=" + due().toPlainString() + ", relief="
        + relief().toPlainString() + ", payable=" + payable().toPlainString()
        + (hasRatio ? ", reliefRatio=" + Convert.ratioText(ratioNum, ratioDen) : "") + "}";
  }
}
