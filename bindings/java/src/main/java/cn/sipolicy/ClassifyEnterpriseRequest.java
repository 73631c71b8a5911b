package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Enterprise size by 国统字〔2017〕213号 (op "classify_enterprise"). Only the
 * measures the sector uses are required.
 *
 * @param sector the sector
 * @param employees 从业人员
 * @param revenue 营业收入, yuan
 * @param assets 资产总额, yuan
 * @param asOf only documents issued on or before this date count; null: all
 */
public record ClassifyEnterpriseRequest(Sector sector, Long employees, BigDecimal revenue,
    BigDecimal assets, LocalDate asOf) implements Request<ClassifyEnterpriseResult> {
  public ClassifyEnterpriseRequest {
    Convert.required(sector, "sector");
    revenue = Convert.money(revenue, "revenue");
    assets = Convert.money(assets, "assets");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "classify_enterprise". */
  @Override
  public String op() {
    return "classify_enterprise";
  }

  void write(JsonWriter w) {
    w.name("sector", sector.jsonName());
    w.number("employees", employees);
    w.money("revenue", revenue);
    w.money("assets", assets);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link ClassifyEnterpriseRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private Sector sector;
    private Long employees;
    private BigDecimal revenue;
    private BigDecimal assets;
    private LocalDate asOf;

    private Builder() {}

    public Builder sector(Sector sector) {
      this.sector = sector;
      return this;
    }

    public Builder employees(long employees) {
      this.employees = employees;
      return this;
    }

    /** employees; null: not given. */
    public Builder employees(Long employees) {
      this.employees = employees;
      return this;
    }

    public Builder revenue(BigDecimal revenue) {
      this.revenue = revenue;
      return this;
    }

    public Builder assets(BigDecimal assets) {
      this.assets = assets;
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
    public ClassifyEnterpriseRequest build() {
      return new ClassifyEnterpriseRequest(sector,
          employees,
          revenue,
          assets,
          asOf);
    }
  }
}
