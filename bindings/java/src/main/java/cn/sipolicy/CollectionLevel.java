package cn.sipolicy;

/** The level a collection target applies at. */
public enum CollectionLevel {
  /** 全市 (each county and the city as a whole) */
  CITY_WIDE(0, "city_wide"),
  /** 市本级 */
  CITY_LEVEL(1, "city_level");

  private final int code;
  private final String jsonName;

  CollectionLevel(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("city_wide", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static CollectionLevel fromJsonName(String name) {
    for (CollectionLevel v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown CollectionLevel '" + name + "'");
  }
}
