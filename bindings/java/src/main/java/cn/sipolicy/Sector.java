package cn.sipolicy;

/** The sector of an enterprise (统计上大中小微型企业划分办法（2017）). */
public enum Sector {
  /** 农林牧渔业 */
  AGRICULTURE(0, "agriculture"),
  /** 工业 */
  INDUSTRY(1, "industry"),
  /** 建筑业 */
  CONSTRUCTION(2, "construction"),
  /** 批发业 */
  WHOLESALE(3, "wholesale"),
  /** 零售业 */
  RETAIL(4, "retail"),
  /** 交通运输业 */
  TRANSPORT(5, "transport"),
  /** 仓储业 */
  WAREHOUSING(6, "warehousing"),
  /** 邮政业 */
  POSTAL(7, "postal"),
  /** 住宿业 */
  ACCOMMODATION(8, "accommodation"),
  /** 餐饮业 */
  CATERING(9, "catering"),
  /** 信息传输业 */
  INFORMATION_TRANSMISSION(10, "information_transmission"),
  /** 软件和信息技术服务业 */
  SOFTWARE_IT(11, "software_it"),
  /** 房地产开发经营 */
  REAL_ESTATE_DEVELOPMENT(12, "real_estate_development"),
  /** 物业管理 */
  PROPERTY_MANAGEMENT(13, "property_management"),
  /** 租赁和商务服务业 */
  LEASING_BUSINESS_SERVICES(14, "leasing_business_services"),
  /** 其他未列明行业 */
  OTHER(15, "other");

  private final int code;
  private final String jsonName;

  Sector(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("agriculture", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Sector fromJsonName(String name) {
    for (Sector v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown Sector '" + name + "'");
  }
}
