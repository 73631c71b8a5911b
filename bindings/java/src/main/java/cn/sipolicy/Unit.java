package cn.sipolicy;

/**
 * An insured unit as the JSON contract describes it: {@code {"size", "type",
 * "industry"}}.
 *
 * @param size the enterprise size class (required)
 * @param type the kind of unit; null means {@link UnitType#ENTERPRISE}, the default
 * @param industry an industry slug such as "catering" (only the 2022 deferral
 *     windows use it); null when not given
 */
public record Unit(UnitSize size, UnitType type, String industry) {
  public Unit {
    Convert.required(size, "unit.size");
    if (type == null) type = UnitType.ENTERPRISE;
  }

  /** An enterprise of that size. */
  public static Unit of(UnitSize size) {
    return new Unit(size, UnitType.ENTERPRISE, null);
  }

  public static Unit of(UnitSize size, UnitType type) {
    return new Unit(size, type, null);
  }

  void write(JsonWriter w) {
    w.name("size", size.jsonName()).name("type", type.jsonName()).string("industry", industry);
  }
}
