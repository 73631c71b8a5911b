package cn.sipolicy;

/** The basis of a 困难企业稳岗返还 (2020). */
public enum DifficultBasis {
  /** months × local monthly unemployment benefit × insured */
  BENEFIT(0, "benefit"),
  /** months × the monthly contributions of the unit and its employees */
  CONTRIBUTIONS(1, "contributions");

  private final int code;
  private final String jsonName;

  DifficultBasis(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("benefit", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static DifficultBasis fromJsonName(String name) {
    for (DifficultBasis v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown DifficultBasis '" + name + "'");
  }
}
