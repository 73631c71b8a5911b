package cn.sipolicy;

/** Enterprise size class (C values SIPOLICY_LARGE = 0, …). */
public enum UnitSize {
  LARGE(0, "large"),
  MEDIUM(1, "medium"),
  SMALL(2, "small"),
  MICRO(3, "micro");

  private final int code;
  private final String jsonName;

  UnitSize(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The C ABI value. */
  public int code() {
    return code;
  }

  /** The name used in JSON requests ("large", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name ("large", …).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static UnitSize fromJsonName(String name) {
    for (UnitSize v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown UnitSize '" + name + "'");
  }
}
