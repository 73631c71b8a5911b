package cn.sipolicy;

/**
 * The outcome of one record of {@link Engine#contributionBatch}: either a
 * {@link ContributionResult} or the {@link SipolicyException} that record
 * failed with (not thrown).
 */
public final class ContributionBatchItem {
  private final int index;
  private final ContributionResult result;
  private final SipolicyException error;

  ContributionBatchItem(int index, ContributionResult result, SipolicyException error) {
    this.index = index;
    this.result = result;
    this.error = error;
  }

  /** Position of the record in the request list. */
  public int index() {
    return index;
  }

  public boolean ok() {
    return error == null;
  }

  /** The result (no relief ratio), or null if the record failed. */
  public ContributionResult result() {
    return result;
  }

  /** Why the record failed, or null if it succeeded. */
  public SipolicyException error() {
    return error;
  }

  /** The result, or throws the record's error. */
  public ContributionResult orThrow() {
    if (error != null) throw error;
    return result;
  }

  @Override
  public String toString() {
    return "#" + index + " " + (error == null ? result : error);
  }
}
