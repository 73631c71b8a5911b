package cn.sipolicy;

/** Status {@code SIPOLICY_NOT_FOUND}: no rule or rate for that region/period, or a pack file that cannot be opened. */
public class NotFoundException extends SipolicyException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String statusName, String message, String field) {
    super(Status.NOT_FOUND, statusName, message, field);
  }
}
