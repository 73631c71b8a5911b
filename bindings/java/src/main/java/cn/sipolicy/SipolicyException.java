package cn.sipolicy;

/**
 * A failure reported by the native library: carries the C status code
 * ({@code SIPOLICY_INVALID_ARGUMENT} = 1, …), its name ("invalid_argument"),
 * the library's message and the request field it concerns ("" if none).
 *
 * <p>{@link #getMessage()} is the library's message verbatim; {@link #toString()}
 * adds the status name and field. Codes without a dedicated subclass (for
 * example {@code SIPOLICY_NO_MEMORY} = 7, or codes added by a newer library)
 * are thrown as this base class.
 */
public class SipolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String statusName;
  private final String field;

  public SipolicyException(int status, String statusName, String message, String field) {
    super(message == null ? "" : message);
    this.status = status;
    this.statusName = statusName == null ? "unknown" : statusName;
    this.field = field == null ? "" : field;
  }

  /** The C status code (1 = invalid_argument, 2 = out_of_range, …). */
  public int status() {
    return status;
  }

  /** The status name as the library spells it ("invalid_argument", …). */
  public String statusName() {
    return statusName;
  }

  /** The request field the failure concerns, or "" if none. */
  public String field() {
    return field;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(getClass().getName()).append(": [").append(statusName);
    if (!field.isEmpty()) sb.append(", field ").append(field);
    return sb.append("] ").append(getMessage()).toString();
  }

  /** The exception for a status code (never called with SIPOLICY_OK). */
  static SipolicyException of(int status, String statusName, String message, String field) {
    switch (status) {
      case Status.INVALID_ARGUMENT:
        return new InvalidArgumentException(statusName, message, field);
      case Status.OUT_OF_RANGE:
        return new OutOfRangeException(statusName, message, field);
      case Status.NOT_FOUND:
        return new NotFoundException(statusName, message, field);
      case Status.PARSE_ERROR:
        return new ParseErrorException(statusName, message, field);
      case Status.UNKNOWN_OP:
        return new UnknownOpException(statusName, message, field);
      case Status.INTERNAL:
        return new InternalException(statusName, message, field);
      case Status.PERMISSION_DENIED:
        return new PermissionDeniedException(statusName, message, field);
      default:
        return new SipolicyException(status, statusName, message, field);
    }
  }
}
