package cn.sipolicy;

/** The C ABI's status codes (stable: new codes are only ever appended). */
public final class Status {
  public static final int OK = 0;
  public static final int INVALID_ARGUMENT = 1;
  public static final int OUT_OF_RANGE = 2;
  public static final int NOT_FOUND = 3;
  public static final int PARSE_ERROR = 4;
  public static final int UNKNOWN_OP = 5;
  public static final int INTERNAL = 6;
  public static final int NO_MEMORY = 7;
  /** A pack not signed by a trusted key, or whose signature does not verify (0.2.0). */
  public static final int PERMISSION_DENIED = 8;

  private Status() {}

  /** The library's name for a status code ("ok", "invalid_argument", …, "unknown"). */
  public static String name(int status) {
    return NativeLib.statusName(status);
  }
}
