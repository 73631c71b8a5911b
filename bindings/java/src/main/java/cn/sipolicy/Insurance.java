package cn.sipolicy;

/** The insurance a contribution is for (C values SIPOLICY_PENSION = 0, …). */
public enum Insurance {
  PENSION(0, "pension"),
  UNEMPLOYMENT(1, "unemployment"),
  WORK_INJURY(2, "work_injury");

  private final int code;
  private final String jsonName;

  Insurance(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The C ABI value. */
  public int code() {
    return code;
  }

  /** The name used in JSON requests ("pension", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name ("pension", …).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Insurance fromJsonName(String name) {
    for (Insurance v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown Insurance '" + name + "'");
  }
}
