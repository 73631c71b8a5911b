package cn.sipolicy;

/**
 * One step of a result's explanation (asked for with {@code explain}): in
 * English and Chinese, with the id of the rule it came from (null if none).
 */
public record TraceStep(String en, String zh, String rule) {
  static TraceStep from(JsonObject o) {
    return new TraceStep(o.string("en"), o.string("zh"), o.optString("rule"));
  }
}
