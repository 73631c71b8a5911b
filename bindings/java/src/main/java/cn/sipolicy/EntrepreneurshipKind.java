package cn.sipolicy;

/** The kind of entrepreneurship subsidy. */
public enum EntrepreneurshipKind {
  /** 自主创业补贴 */
  STARTUP(0, "startup"),
  /** 创业场所租赁补贴 */
  VENUE_RENT(1, "venue_rent");

  private final int code;
  private final String jsonName;

  EntrepreneurshipKind(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("startup", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static EntrepreneurshipKind fromJsonName(String name) {
    for (EntrepreneurshipKind v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown EntrepreneurshipKind '" + name + "'");
  }
}
