package cn.sipolicy;

import java.util.List;

/**
 * The size class, which can go straight into a {@link Unit}.
 *
 * @param size the size
 * @param reasons "{@code <measure>_below_<tier>}" for each bound missed, then the verdict
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record ClassifyEnterpriseResult(UnitSize size, List<String> reasons, List<Rule> rules,
    List<TraceStep> trace) {
  public ClassifyEnterpriseResult {
    Convert.required(size, "size");
  }

  static ClassifyEnterpriseResult from(JsonObject o) {
    return new ClassifyEnterpriseResult(o.enumValue("size", UnitSize::fromJsonName),
        o.strings("reasons"),
        o.rules(),
        o.trace());
  }

}
