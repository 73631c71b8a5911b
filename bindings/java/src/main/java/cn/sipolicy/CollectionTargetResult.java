package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The collection figures against the targets.
 *
 * @param clearanceRate cleared / opening_arrears, exact; null without opening arrears
 * @param clearanceRatePercent the same in percent, rounded to 2 decimals (display only)
 * @param newArrearsRatio new_arrears / due, exact
 * @param newArrearsRatioPercent in percent, rounded to 2 decimals
 * @param clearanceTarget the clearance rate must be strictly above it
 * @param newArrearsTarget the new-arrears ratio must be at most it
 * @param clearanceMet clearance target met
 * @param newArrearsMet new-arrears target met
 * @param met both met
 * @param reasons reason codes; empty when eligible
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record CollectionTargetResult(Ratio clearanceRate, BigDecimal clearanceRatePercent,
    Ratio newArrearsRatio, BigDecimal newArrearsRatioPercent, Ratio clearanceTarget,
    Ratio newArrearsTarget, boolean clearanceMet, boolean newArrearsMet, boolean met,
    List<String> reasons, List<Rule> rules, List<TraceStep> trace) {
  static CollectionTargetResult from(JsonObject o) {
    return new CollectionTargetResult(o.optRatio("clearance_rate"),
        o.optDecimal("clearance_rate_percent"),
        o.ratio("new_arrears_ratio"),
        o.decimal("new_arrears_ratio_percent"),
        o.ratio("clearance_target"),
        o.ratio("new_arrears_target"),
        o.bool("clearance_met"),
        o.bool("new_arrears_met"),
        o.bool("met"),
        o.strings("reasons"),
        o.rules(),
        o.trace());
  }

}
