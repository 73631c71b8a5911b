package cn.sipolicy;

/** How an overpayment is settled (退回 or 冲抵). */
public enum Settlement {
  /** SMEs are refunded in a batch, other units are refunded unless they choose offset */
  DEFAULT(0, "default"),
  /** 退回 */
  REFUND(1, "refund"),
  /** 冲抵以后月份的缴费 */
  OFFSET(2, "offset");

  private final int code;
  private final String jsonName;

  Settlement(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("default", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Settlement fromJsonName(String name) {
    for (Settlement v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown Settlement '" + name + "'");
  }
}
