package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 灵活就业社会保险补贴 (op "social_insurance_subsidy").
 *
 * @param region six-digit GB/T 2260 code, e.g. "360800"
 * @param group difficult, zero_employment_family or graduate are covered
 * @param contribution money actually paid for the months claimed
 * @param months the months the contribution covers, at least 1
 * @param monthsUsed months already subsidised
 * @param monthsSinceLeavingSchool required for graduates
 * @param monthsToRetirement optional
 * @param asOf only documents issued on or before this date count; null: all
 */
public record SocialInsuranceSubsidyRequest(String region, TargetGroup group,
    BigDecimal contribution, int months, int monthsUsed, Integer monthsSinceLeavingSchool,
    Integer monthsToRetirement, LocalDate asOf) implements Request<SocialInsuranceSubsidyResult> {
  public SocialInsuranceSubsidyRequest {
    region = Convert.regionCode(Convert.required(region, "region"), "region");
    Convert.required(group, "group");
    contribution = Convert.money(Convert.required(contribution, "contribution"), "contribution");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "social_insurance_subsidy". */
  @Override
  public String op() {
    return "social_insurance_subsidy";
  }

  void write(JsonWriter w) {
    w.string("region", region);
    w.name("group", group.jsonName());
    w.money("contribution", contribution);
    w.number("months", months);
    w.number("months_used", monthsUsed);
    w.number("months_since_leaving_school", monthsSinceLeavingSchool);
    w.number("months_to_retirement", monthsToRetirement);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link SocialInsuranceSubsidyRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private String region;
    private TargetGroup group;
    private BigDecimal contribution;
    private Integer months;
    private int monthsUsed = 0;
    private Integer monthsSinceLeavingSchool;
    private Integer monthsToRetirement;
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

    public Builder group(TargetGroup group) {
      this.group = group;
      return this;
    }

    public Builder contribution(BigDecimal contribution) {
      this.contribution = contribution;
      return this;
    }

    public Builder months(int months) {
      this.months = months;
      return this;
    }

    public Builder monthsUsed(int monthsUsed) {
      this.monthsUsed = monthsUsed;
      return this;
    }

    public Builder monthsSinceLeavingSchool(int monthsSinceLeavingSchool) {
      this.monthsSinceLeavingSchool = monthsSinceLeavingSchool;
      return this;
    }

    /** months_since_leaving_school; null: not given. */
    public Builder monthsSinceLeavingSchool(Integer monthsSinceLeavingSchool) {
      this.monthsSinceLeavingSchool = monthsSinceLeavingSchool;
      return this;
    }

    public Builder monthsToRetirement(int monthsToRetirement) {
      this.monthsToRetirement = monthsToRetirement;
      return this;
    }

    /** months_to_retirement; null: not given. */
    public Builder monthsToRetirement(Integer monthsToRetirement) {
      this.monthsToRetirement = monthsToRetirement;
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
    public SocialInsuranceSubsidyRequest build() {
      return new SocialInsuranceSubsidyRequest(region,
          group,
          contribution,
          Convert.required(months, "months"),
          monthsUsed,
          monthsSinceLeavingSchool,
          monthsToRetirement,
          asOf);
    }
  }
}
