package cn.sipolicy;

/** Who applies for a skill subsidy. */
public enum SkillApplicant {
  /** an insured employee */
  EMPLOYEE(0, "employee"),
  /** a person receiving unemployment benefit */
  UNEMPLOYMENT_BENEFICIARY(1, "unemployment_beneficiary");

  private final int code;
  private final String jsonName;

  SkillApplicant(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("employee", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static SkillApplicant fromJsonName(String name) {
    for (SkillApplicant v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown SkillApplicant '" + name + "'");
  }
}
