package cn.sipolicy;

/** Status {@code SIPOLICY_PARSE_ERROR}: a JSON request or pack that is not valid JSON. */
public class ParseErrorException extends SipolicyException {
  private static final long serialVersionUID = 1L;

  public ParseErrorException(String statusName, String message, String field) {
    super(Status.PARSE_ERROR, statusName, message, field);
  }
}
