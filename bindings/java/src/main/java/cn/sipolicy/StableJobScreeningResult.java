package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The result of a screening: per unit, in order, its outcome or its error
 * (field like "units[3].prior_year_paid"; a bad unit never stops the others),
 * and the summary.
 *
 * @param results one item per unit, in order; empty when summaryOnly was set
 * @param summary the totals
 * @param rules the rules applied by every group
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record StableJobScreeningResult(List<BatchItem<Outcome>> results, Summary summary,
    List<Rule> rules, List<TraceStep> trace) {

  static StableJobScreeningResult from(JsonObject o) {
    List<BatchItem<Outcome>> items = List.of();
    if (o.has("results")) {
      List<?> raw = o.array("results");
      java.util.ArrayList<BatchItem<Outcome>> out = new java.util.ArrayList<>(raw.size());
      for (int i = 0; i < raw.size(); i++) {
        if (!(raw.get(i) instanceof JsonObject)) {
          throw JsonObject.mismatch("results", "has a member that is not an object");
        }
        JsonObject r = (JsonObject) raw.get(i);
        out.add(r.bool("ok") ? BatchItem.ok(i, Outcome.from(r))
            : BatchItem.failed(i, SipolicyError.from(r.object("error"))));
      }
      items = java.util.Collections.unmodifiableList(out);
    }
    return new StableJobScreeningResult(items, Summary.from(o.object("summary")), o.rules(),
        o.trace());
  }

  /** The echoed id as text (a string id as is, a number by its digits), or null. */
  static String idText(JsonObject o) {
    Object id = o.get("id");
    if (id == null || id == JsonReader.NULL) return null;
    if (id instanceof String) return (String) id;
    if (id instanceof BigDecimal) return ((BigDecimal) id).toPlainString();
    return String.valueOf(id);
  }

  /**
   * The totals of a screening (the bulletin figures).
   *
   * @param unitsScreened every record
   * @param unitsEligible eligible units
   * @param unitsPaid eligible with amount > 0
   * @param totalAmount Σ amount
   * @param employeesCovered insured headcount of the units paid (惠及职工)
   * @param badRecords records that failed
   * @param byRegion per region
   * @param byReason ineligible units per reason code
   * @param byPayee units paid per payee
   */
  public record Summary(long unitsScreened, long unitsEligible, long unitsPaid,
      BigDecimal totalAmount, long employeesCovered, long badRecords, List<RegionTotal> byRegion,
      Map<String, Long> byReason, Map<Payee, Long> byPayee) {
    public Summary {
      totalAmount = Convert.money(Convert.required(totalAmount, "total_amount"), "total_amount");
      byRegion = Convert.list(byRegion, "by_region");
    }

      static Summary from(JsonObject o) {
        java.util.LinkedHashMap<String, Long> reasons = new java.util.LinkedHashMap<>();
        JsonObject r = o.object("by_reason");
        for (String k : r.names()) reasons.put(k, r.longInteger(k));
        java.util.EnumMap<Payee, Long> payees = new java.util.EnumMap<>(Payee.class);
        JsonObject p = o.object("by_payee");
        for (String k : p.names()) {
          Payee payee;
          try {
            payee = Payee.fromJsonName(k);
          } catch (IllegalArgumentException e) {
            throw JsonObject.mismatch("by_payee", "has a payee this binding does not know: " + k);
          }
          payees.put(payee, p.longInteger(k));
        }
        return new Summary(o.longInteger("units_screened"), o.longInteger("units_eligible"),
            o.longInteger("units_paid"), o.money("total_amount"), o.longInteger("employees_covered"),
            o.longInteger("bad_records"), o.objects("by_region", RegionTotal::from),
            java.util.Collections.unmodifiableMap(reasons), java.util.Collections.unmodifiableMap(payees));
      }

  }

  /**
   * The totals of one region (the per-city report).
   *
   * @param region six digits
   * @param units units screened
   * @param unitsPaid units paid
   * @param amount Σ amount
   * @param employeesCovered insured headcount of the units paid
   */
  public record RegionTotal(String region, long units, long unitsPaid, BigDecimal amount,
      long employeesCovered) {
    public RegionTotal {
      amount = Convert.money(Convert.required(amount, "amount"), "amount");
    }

    static RegionTotal from(JsonObject o) {
      return new RegionTotal(o.string("region"),
          o.longInteger("units"),
          o.longInteger("units_paid"),
          o.money("amount"),
          o.longInteger("employees_covered"));
    }

  }

  /**
   * The result of one screened unit.
   *
   * @param id the id given with the unit, or null
   * @param eligible whether the rule grants it
   * @param ratio the rate applied
   * @param amount the amount
   * @param reasons refusal reasons
   * @param payee where it is paid
   */
  public record Outcome(String id, boolean eligible, Ratio ratio, BigDecimal amount,
      List<String> reasons, Payee payee) {
    public Outcome {
      amount = Convert.money(Convert.required(amount, "amount"), "amount");
      Convert.required(payee, "payee");
    }

      static Outcome from(JsonObject o) {
        return new Outcome(idText(o), o.bool("eligible"), o.ratio("ratio"), o.money("amount"),
            o.strings("reasons"), o.enumValue("payee", Payee::fromJsonName));
      }

  }
}
