package cn.sipolicy;

/** Kind of insured unit (C values SIPOLICY_ENTERPRISE = 0, …). */
public enum UnitType {
  ENTERPRISE(0, "enterprise"),
  INDIVIDUAL_BUSINESS(1, "individual_business"),
  SOCIAL_ORGANIZATION(2, "social_organization"),
  PUBLIC_INSTITUTION(3, "public_institution");

  private final int code;
  private final String jsonName;

  UnitType(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The C ABI value. */
  public int code() {
    return code;
  }

  /** The name used in JSON requests ("enterprise", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name ("enterprise", …).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static UnitType fromJsonName(String name) {
    for (UnitType v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown UnitType '" + name + "'");
  }
}
