package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 自主创业补贴 / 创业场所租赁补贴 (op "entrepreneurship_subsidy").
 *
 * @param region six-digit GB/T 2260 code, e.g. "360800"
 * @param kind startup or venue_rent
 * @param group the group of the founder
 * @param grants number of grants
 * @param claimed money claimed per grant (e.g. the rent); null: the cap
 * @param asOf only documents issued on or before this date count; null: all
 */
public record EntrepreneurshipSubsidyRequest(String region, EntrepreneurshipKind kind,
    TargetGroup group, long grants, BigDecimal claimed, LocalDate asOf)
    implements Request<EntrepreneurshipSubsidyResult> {
  public EntrepreneurshipSubsidyRequest {
    region = Convert.regionCode(Convert.required(region, "region"), "region");
    Convert.required(kind, "kind");
    Convert.required(group, "group");
    claimed = Convert.money(claimed, "claimed");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "entrepreneurship_subsidy". */
  @Override
  public String op() {
    return "entrepreneurship_subsidy";
  }

  void write(JsonWriter w) {
    w.string("region", region);
    w.name("kind", kind.jsonName());
    w.name("group", group.jsonName());
    w.number("grants", grants);
    w.money("claimed", claimed);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link EntrepreneurshipSubsidyRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private String region;
    private EntrepreneurshipKind kind;
    private TargetGroup group;
    private long grants = 1L;
    private BigDecimal claimed;
    private LocalDate asOf;

    private Builder() {}

    /** region: six digits, e.g. "360800". */
    public Builder region(String code) {
      this.region = code;
      return this;
    }

    /** region as a code number, e.g. 360800. */
    public Builder region(int code) {
      this.region = Convert.regionCode(code, "region");
      return this;
    }

    public Builder kind(EntrepreneurshipKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder group(TargetGroup group) {
      this.group = group;
      return this;
    }

    public Builder grants(long grants) {
      this.grants = grants;
      return this;
    }

    public Builder claimed(BigDecimal claimed) {
      this.claimed = claimed;
      return this;
    }

    public Builder asOf(LocalDate asOf) {
      this.asOf = asOf;
      return this;
    }

    /**
     * @throws NullPointerException when a required component is missing
     * @throws IllegalArgumentException for money with more than two decimals, a region that
     *     is not six digits, or a year outside 1..9999
     */
    public EntrepreneurshipSubsidyRequest build() {
      return new EntrepreneurshipSubsidyRequest(region,
          kind,
          group,
          grants,
          claimed,
          asOf);
    }
  }
}
