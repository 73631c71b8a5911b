package cn.sipolicy;

/** Status {@code SIPOLICY_INVALID_ARGUMENT}: a bad value: bad decimal, bad UTF-8, unknown name, a malformed request. */
public class InvalidArgumentException extends SipolicyException {
  private static final long serialVersionUID = 1L;

  public InvalidArgumentException(String statusName, String message, String field) {
    super(Status.INVALID_ARGUMENT, statusName, message, field);
  }
}
