package cn.sipolicy;

/**
 * The error of one failed record, as the library reports it in a JSON result
 * ({@code {"code", "field", "message"}}): a value, not thrown. {@link
 * #toException()} gives the binding's typed exception for it.
 *
 * @param code "invalid_argument", "out_of_range", "not_found", "parse_error",
 *     "unknown_op", "internal", "permission_denied" (or a code added by a
 *     newer library)
 * @param field the request field concerned, "" if none (e.g. "base",
 *     "units[3].prior_year_paid")
 * @param message the library's message, verbatim
 */
public record SipolicyError(String code, String field, String message) {
  public SipolicyError {
    Convert.required(code, "code");
    if (field == null) field = "";
    if (message == null) message = "";
  }

  /** The C status code of {@link #code()} (1 = invalid_argument, …; -1 if unknown). */
  public int status() {
    return statusOf(code);
  }

  /** The typed exception ({@link InvalidArgumentException}, …) for this error. */
  public SipolicyException toException() {
    int st = status();
    return st < 0 ? new SipolicyException(st, code, message, field)
        : SipolicyException.of(st, code, message, field);
  }

  /** The error of a caught exception. */
  public static SipolicyError of(SipolicyException e) {
    return new SipolicyError(e.statusName(), e.field(), e.getMessage());
  }

  static int statusOf(String code) {
    switch (code) {
      case "ok":
        return Status.OK;
      case "invalid_argument":
        return Status.INVALID_ARGUMENT;
      case "out_of_range":
        return Status.OUT_OF_RANGE;
      case "not_found":
        return Status.NOT_FOUND;
      case "parse_error":
        return Status.PARSE_ERROR;
      case "unknown_op":
        return Status.UNKNOWN_OP;
      case "internal":
        return Status.INTERNAL;
      case "no_memory":
        return Status.NO_MEMORY;
      case "permission_denied":
        return Status.PERMISSION_DENIED;
      default:
        return -1;
    }
  }

  /** The code name of a C status (without calling the library). */
  static String codeOf(int status) {
    switch (status) {
      case Status.OK:
        return "ok";
      case Status.INVALID_ARGUMENT:
        return "invalid_argument";
      case Status.OUT_OF_RANGE:
        return "out_of_range";
      case Status.NOT_FOUND:
        return "not_found";
      case Status.PARSE_ERROR:
        return "parse_error";
      case Status.UNKNOWN_OP:
        return "unknown_op";
      case Status.INTERNAL:
        return "internal";
      case Status.NO_MEMORY:
        return "no_memory";
      case Status.PERMISSION_DENIED:
        return "permission_denied";
      default:
        return "unknown";
    }
  }

  static SipolicyError from(JsonObject o) {
    return new SipolicyError(o.string("code"), o.optString("field"), o.optString("message"));
  }

  @Override
  public String toString() {
    return code + (field.isEmpty() ? "" : " (" + field + ")") + ": " + message;
  }
}
