package cn.sipolicy;

/** Status {@code SIPOLICY_UNKNOWN_OP}: a JSON request with an unknown "op". */
public class UnknownOpException extends SipolicyException {
  private static final long serialVersionUID = 1L;

  public UnknownOpException(String statusName, String message, String field) {
    super(Status.UNKNOWN_OP, statusName, message, field);
  }
}
