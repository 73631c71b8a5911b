package cn.sipolicy;

import java.util.List;

/**
 * What replaying a receipt found ({@link Engine#replayReceipt(String)}): the
 * receipt's request recomputed with this engine and compared, field by field,
 * with the receipt's result. The library version may differ (the message
 * says so; it is not counted as a change); the catalog may not: when this
 * engine's content hash is not the receipt's, nothing is recomputed and the
 * kind is {@link #CATALOG_MISMATCH}.
 *
 * @param same true when the recomputed result equals the receipt's
 * @param kind {@link #SAME}, {@link #CHANGED}, {@link #CATALOG_MISMATCH} or
 *     {@link #BAD_RECEIPT} (the text is not a receipt; the message says why)
 * @param message one line for people, e.g. "the result differs in due, payable"
 * @param differences for {@link #CHANGED}, each result field that differs
 *     (in the receipt's field order, then fields only the replay has); else empty
 * @param receiptCatalog the receipt's content hash (null for a bad receipt)
 * @param catalog this engine's content hash (null for a bad receipt)
 * @param receiptPacks for {@link #CATALOG_MISMATCH}, the receipt's packs
 *     ("name@version"); else empty
 * @param packs for {@link #CATALOG_MISMATCH}, this engine's packs; else empty
 */
public record ReplayResult(boolean same, String kind, String message,
    List<Difference> differences, String receiptCatalog, String catalog,
    List<String> receiptPacks, List<String> packs) {
  /** The recomputed result equals the receipt's. */
  public static final String SAME = "same";
  /** Same catalog, different result: see {@link #differences()}. */
  public static final String CHANGED = "changed";
  /** This engine's catalog is not the receipt's: load the receipt's packs, in order. */
  public static final String CATALOG_MISMATCH = "catalog_mismatch";
  /** The text is not a receipt. */
  public static final String BAD_RECEIPT = "bad_receipt";

  /**
   * One result field that differs. Values are compact JSON text, so that
   * every kind of value compares and prints the same way: {@code "\"1300.00\""}
   * for the string 1300.00, {@code "null"} when the field is absent on that side.
   *
   * @param field the result's member name ("payable", "rules", …)
   * @param receiptJson the value in the receipt
   * @param replayJson the value recomputed now
   */
  public record Difference(String field, String receiptJson, String replayJson) {
    public Difference {
      Convert.required(field, "field");
      Convert.required(receiptJson, "receiptJson");
      Convert.required(replayJson, "replayJson");
    }
  }

  public ReplayResult {
    Convert.required(kind, "kind");
    Convert.required(message, "message");
    differences = List.copyOf(Convert.required(differences, "differences"));
    receiptPacks = List.copyOf(Convert.required(receiptPacks, "receiptPacks"));
    packs = List.copyOf(Convert.required(packs, "packs"));
  }

  /** The library's report {"ok","same","kind","message",…} (sipolicy_replay_receipt). */
  static ReplayResult from(JsonObject o) {
    List<Difference> differences = o.has("differences")
        ? o.objects("differences", d -> new Difference(d.string("field"),
            JsonWriter.valueText(d.get("receipt")), JsonWriter.valueText(d.get("replay"))))
        : List.of();
    return new ReplayResult(o.bool("same"), o.string("kind"), o.string("message"), differences,
        o.optString("receipt_catalog"), o.optString("catalog"),
        o.has("receipt_packs") ? o.strings("receipt_packs") : List.of(),
        o.has("packs") ? o.strings("packs") : List.of());
  }
}
