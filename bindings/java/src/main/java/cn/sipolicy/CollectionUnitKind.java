package cn.sipolicy;

/** The kind of unit a collection target is set for (九人社字〔2017〕85号). */
public enum CollectionUnitKind {
  /** 民营私营企业 */
  PRIVATE(0, "private"),
  /** 国有集体企业和事业单位 */
  STATE_COLLECTIVE_PUBLIC(1, "state_collective_public");

  private final int code;
  private final String jsonName;

  CollectionUnitKind(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("private", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static CollectionUnitKind fromJsonName(String name) {
    for (CollectionUnitKind v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown CollectionUnitKind '" + name + "'");
  }
}
