package cn.sipolicy;

import java.util.List;

/**
 * A receipt: one result together with what is needed to recompute it and
 * prove it unchanged (docs/receipts.md) — the request, the result, the full
 * content hash of the catalog and the packs it was computed with. Keep
 * {@link #line()} beside the result (a JSON Lines file, a database column);
 * {@link Engine#replayReceipt(Receipt)} recomputes it later.
 *
 * <pre>{@code
 * Receipt r = engine.evalReceipt(request);     // or Receipt.parse(storedLine)
 * r.catalog();   // "021f1328…" (64 hex digits)
 * r.packs();     // [builtin-contributions@2026.11.0, builtin-employment@2026.11.0, gd-rate@1]
 * ReplayResult check = engine.replayReceipt(r);
 * }</pre>
 *
 * @param line the receipt as the library wrote it: one JSON line, no newline
 * @param request the request as compact JSON text; for a request that was not
 *     JSON (the receipt's "request_text"), its text as given
 * @param result the result line as compact JSON text (with its own
 *     "catalog", the first 16 digits of the hash, and "sipolicy")
 * @param ok the result's "ok": false for a refused request (a receipt records
 *     refusals too)
 * @param catalog the catalog's content hash, 64 lowercase hex digits
 * @param sipolicy the library version that computed it ("0.2.0")
 * @param packs the catalog's packs in load order, as "name@version"
 */
public record Receipt(String line, String request, String result, boolean ok, String catalog,
    String sipolicy, List<String> packs) {
  public Receipt {
    Convert.required(line, "line");
    Convert.required(request, "request");
    Convert.required(result, "result");
    Convert.required(catalog, "catalog");
    Convert.required(sipolicy, "sipolicy");
    packs = List.copyOf(Convert.required(packs, "packs"));
  }

  /**
   * Reads a receipt line (as {@link Engine#evalReceipt(String)} or {@code
   * sipolicy eval --receipts} write them; surrounding whitespace is ignored).
   *
   * @throws IllegalArgumentException when the text is not a receipt, saying why
   */
  public static Receipt parse(String line) {
    Convert.required(line, "line");
    String text = line.strip();
    JsonObject o;
    try {
      o = JsonReader.parseObject(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a receipt: " + e.getMessage(), e);
    }
    try {
      String request = o.has("request") ? JsonWriter.valueText(o.get("request"))
          : o.string("request_text");
      JsonObject result = o.object("result");
      return new Receipt(text, request, JsonWriter.valueText(result),
          result.has("ok") && result.bool("ok"), o.string("catalog"), o.string("sipolicy"),
          o.strings("packs"));
    } catch (InternalException e) {
      // JsonObject's accessors speak of "the library's result": here the text is the caller's.
      throw new IllegalArgumentException("not a receipt: \"" + e.field()
          + "\" is missing or of the wrong type (a receipt has request, result, catalog,"
          + " sipolicy, packs)", e);
    }
  }

  /** The first 16 digits of {@link #catalog()}, as results carry it in "catalog". */
  public String catalogShort() {
    return catalog.length() > 16 ? catalog.substring(0, 16) : catalog;
  }
}
