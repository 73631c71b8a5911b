package cn.sipolicy;

import java.time.LocalDate;

/**
 * 技能提升补贴 (op "skill_subsidy").
 *
 * @param region six-digit GB/T 2260 code, e.g. "360800"
 * @param certificateDate the certificate date
 * @param level the certificate level
 * @param applicant employee or unemployment_beneficiary
 * @param insuredMonths months insured
 * @param claimsThisYear claims already made this year
 * @param sameLevelClaimed the same occupation and level was claimed before
 * @param higherLevelClaimed a higher level was claimed before
 * @param applicationDate null: the certificate date
 * @param asOf only documents issued on or before this date count; null: all
 */
public record SkillSubsidyRequest(String region, LocalDate certificateDate, SkillLevel level,
    SkillApplicant applicant, int insuredMonths, int claimsThisYear, boolean sameLevelClaimed,
    boolean higherLevelClaimed, LocalDate applicationDate, LocalDate asOf)
    implements Request<SkillSubsidyResult> {
  public SkillSubsidyRequest {
    region = Convert.regionCode(Convert.required(region, "region"), "region");
    Convert.checkDate(Convert.required(certificateDate, "certificate_date"), "certificate_date");
    Convert.required(level, "level");
    Convert.required(applicant, "applicant");
    Convert.checkDate(applicationDate, "application_date");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "skill_subsidy". */
  @Override
  public String op() {
    return "skill_subsidy";
  }

  void write(JsonWriter w) {
    w.string("region", region);
    w.date("certificate_date", certificateDate);
    w.name("level", level.jsonName());
    w.name("applicant", applicant.jsonName());
    w.number("insured_months", insuredMonths);
    w.number("claims_this_year", claimsThisYear);
    w.bool("same_level_claimed", sameLevelClaimed);
    w.bool("higher_level_claimed", higherLevelClaimed);
    w.date("application_date", applicationDate);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link SkillSubsidyRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private String region;
    private LocalDate certificateDate;
    private SkillLevel level;
    private SkillApplicant applicant;
    private Integer insuredMonths;
    private int claimsThisYear = 0;
    private boolean sameLevelClaimed = false;
    private boolean higherLevelClaimed = false;
    private LocalDate applicationDate;
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

    public Builder certificateDate(LocalDate certificateDate) {
      this.certificateDate = certificateDate;
      return this;
    }

    public Builder level(SkillLevel level) {
      this.level = level;
      return this;
    }

    public Builder applicant(SkillApplicant applicant) {
      this.applicant = applicant;
      return this;
    }

    public Builder insuredMonths(int insuredMonths) {
      this.insuredMonths = insuredMonths;
      return this;
    }

    public Builder claimsThisYear(int claimsThisYear) {
      this.claimsThisYear = claimsThisYear;
      return this;
    }

    public Builder sameLevelClaimed(boolean sameLevelClaimed) {
      this.sameLevelClaimed = sameLevelClaimed;
      return this;
    }

    public Builder higherLevelClaimed(boolean higherLevelClaimed) {
      this.higherLevelClaimed = higherLevelClaimed;
      return this;
    }

    public Builder applicationDate(LocalDate applicationDate) {
      this.applicationDate = applicationDate;
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
    public SkillSubsidyRequest build() {
      return new SkillSubsidyRequest(region,
          certificateDate,
          level,
          applicant,
          Convert.required(insuredMonths, "insured_months"),
          claimsThisYear,
          sameLevelClaimed,
          higherLevelClaimed,
          applicationDate,
          asOf);
    }
  }
}
