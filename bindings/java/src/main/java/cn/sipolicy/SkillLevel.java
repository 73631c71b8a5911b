package cn.sipolicy;

/** A vocational skill certificate level (技能提升补贴). */
public enum SkillLevel {
  /** 初级（五级） */
  PRIMARY(0, "primary"),
  /** 中级（四级） */
  INTERMEDIATE(1, "intermediate"),
  /** 高级（三级） */
  ADVANCED(2, "advanced"),
  /** 技师（二级） */
  TECHNICIAN(3, "technician"),
  /** 高级技师（一级） */
  SENIOR_TECHNICIAN(4, "senior_technician");

  private final int code;
  private final String jsonName;

  SkillLevel(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("primary", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static SkillLevel fromJsonName(String name) {
    for (SkillLevel v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown SkillLevel '" + name + "'");
  }
}
