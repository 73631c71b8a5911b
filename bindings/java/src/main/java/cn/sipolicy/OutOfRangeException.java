package cn.sipolicy;

/** Status {@code SIPOLICY_OUT_OF_RANGE}: a value or result beyond the documented range. */
public class OutOfRangeException extends SipolicyException {
  private static final long serialVersionUID = 1L;

  public OutOfRangeException(String statusName, String message, String field) {
    super(Status.OUT_OF_RANGE, statusName, message, field);
  }
}
