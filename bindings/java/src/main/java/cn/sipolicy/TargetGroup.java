package cn.sipolicy;

/** The group a person belongs to (employment subsidies). */
public enum TargetGroup {
  /** 就业困难人员 */
  DIFFICULT(0, "difficult"),
  /** 零就业家庭成员 */
  ZERO_EMPLOYMENT_FAMILY(1, "zero_employment_family"),
  /** 离校2年内高校毕业生 */
  GRADUATE(2, "graduate"),
  /** 登记失业人员 */
  REGISTERED_UNEMPLOYED(3, "registered_unemployed"),
  /** 复员退伍军人 */
  VETERAN(4, "veteran"),
  /** 农民工 */
  MIGRANT_WORKER(5, "migrant_worker"),
  /** anyone else */
  OTHER(6, "other");

  private final int code;
  private final String jsonName;

  TargetGroup(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("difficult", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static TargetGroup fromJsonName(String name) {
    for (TargetGroup v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown TargetGroup '" + name + "'");
  }
}
