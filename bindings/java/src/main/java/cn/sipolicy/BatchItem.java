package cn.sipolicy;

/**
 * The outcome of one record of a batch: its result, or the error it failed
 * with (never both). A bad record never stops the others; items come back in
 * input order, {@link #index()} being the record's position.
 *
 * @param <R> the operation's result record
 */
public record BatchItem<R>(int index, R result, SipolicyError error) {
  public BatchItem {
    if ((result == null) == (error == null)) {
      throw new IllegalArgumentException("a batch item has either a result or an error");
    }
  }

  static <R> BatchItem<R> ok(int index, R result) {
    return new BatchItem<>(index, result, null);
  }

  static <R> BatchItem<R> failed(int index, SipolicyError error) {
    return new BatchItem<>(index, null, error);
  }

  /** True when the record has a result. */
  public boolean ok() {
    return error == null;
  }

  /** The result, or throws the record's error as its typed {@link SipolicyException}. */
  public R orThrow() {
    if (error != null) throw error.toException();
    return result;
  }

  @Override
  public String toString() {
    return "#" + index + " " + (error == null ? result : error);
  }
}
