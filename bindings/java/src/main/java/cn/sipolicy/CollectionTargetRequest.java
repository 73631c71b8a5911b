package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 清欠率 / 新欠比例 against the targets of 九人社字〔2017〕85号 (op "collection_target").
 *
 * @param region six-digit GB/T 2260 code, e.g. "360800"
 * @param year the year
 * @param unitKind the kind of unit
 * @param level city_wide or city_level
 * @param openingArrears arrears at the start
 * @param cleared arrears cleared
 * @param due contributions due
 * @param newArrears new arrears
 * @param asOf only documents issued on or before this date count; null: all
 */
public record CollectionTargetRequest(String region, int year, CollectionUnitKind unitKind,
    CollectionLevel level, BigDecimal openingArrears, BigDecimal cleared, BigDecimal due,
    BigDecimal newArrears, LocalDate asOf) implements Request<CollectionTargetResult> {
  public CollectionTargetRequest {
    region = Convert.regionCode(Convert.required(region, "region"), "region");
    Convert.required(unitKind, "unit_kind");
    Convert.required(level, "level");
    openingArrears =
        Convert.money(Convert.required(openingArrears, "opening_arrears"), "opening_arrears");
    cleared = Convert.money(Convert.required(cleared, "cleared"), "cleared");
    due = Convert.money(Convert.required(due, "due"), "due");
    newArrears = Convert.money(Convert.required(newArrears, "new_arrears"), "new_arrears");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "collection_target". */
  @Override
  public String op() {
    return "collection_target";
  }

  void write(JsonWriter w) {
    w.string("region", region);
    w.number("year", year);
    w.name("unit_kind", unitKind.jsonName());
    w.name("level", level.jsonName());
    w.money("opening_arrears", openingArrears);
    w.money("cleared", cleared);
    w.money("due", due);
    w.money("new_arrears", newArrears);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link CollectionTargetRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private String region;
    private Integer year;
    private CollectionUnitKind unitKind;
    private CollectionLevel level;
    private BigDecimal openingArrears;
    private BigDecimal cleared;
    private BigDecimal due;
    private BigDecimal newArrears;
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

    public Builder year(int year) {
      this.year = year;
      return this;
    }

    public Builder unitKind(CollectionUnitKind unitKind) {
      this.unitKind = unitKind;
      return this;
    }

    public Builder level(CollectionLevel level) {
      this.level = level;
      return this;
    }

    public Builder openingArrears(BigDecimal openingArrears) {
      this.openingArrears = openingArrears;
      return this;
    }

    public Builder cleared(BigDecimal cleared) {
      this.cleared = cleared;
      return this;
    }

    public Builder due(BigDecimal due) {
      this.due = due;
      return this;
    }

    public Builder newArrears(BigDecimal newArrears) {
      this.newArrears = newArrears;
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
    public CollectionTargetRequest build() {
      return new CollectionTargetRequest(region,
          Convert.required(year, "year"),
          unitKind,
          level,
          openingArrears,
          cleared,
          due,
          newArrears,
          asOf);
    }
  }
}
