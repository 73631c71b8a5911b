package cn.sipolicy;

/** Status {@code SIPOLICY_INTERNAL}: a bug in the library (or a result this binding could not read): please report it with the message. */
public class InternalException extends SipolicyException {
  private static final long serialVersionUID = 1L;

  public InternalException(String statusName, String message, String field) {
    super(Status.INTERNAL, statusName, message, field);
  }
}
