package cn.sipolicy;

/** Where a refund is paid (C values SIPOLICY_PAYEE_NONE = 0, …). */
public enum Payee {
  /** nothing is paid */
  NONE(0, "none"),
  /** 对公账户 */
  PUBLIC_ACCOUNT(1, "public_account"),
  /** the account the unit pays social insurance from */
  CONTRIBUTION_ACCOUNT(2, "contribution_account"),
  /** no public account and no fallback: a caseworker decides */
  UNRESOLVED(3, "unresolved");

  private final int code;
  private final String jsonName;

  Payee(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  /** The library's integer value (columnar batches). */
  public int code() {
    return code;
  }

  /** The name used in JSON ("none", …). */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The constant with that JSON name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Payee fromJsonName(String name) {
    for (Payee v : values()) {
      if (v.jsonName.equals(name)) return v;
    }
    throw new IllegalArgumentException("unknown Payee '" + name + "'");
  }
}
