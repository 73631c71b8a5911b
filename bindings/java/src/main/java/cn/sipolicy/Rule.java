package cn.sipolicy;

import java.time.LocalDate;

/**
 * A rule a result was computed from, with its document: the paper trail.
 * Results cite each rule by {@code id} and {@code citation} (文号), with
 * {@code verified}; the document's issuer, title, issue date, region and note
 * come with full detail ({@code Engine.evaluate(request, explain, true)}) and
 * are null otherwise.
 *
 * @param id the rule's id in the catalog ("jx-2020-relief-large", …)
 * @param citation the document number (文号), e.g. "赣人社发〔2020〕11号"
 * @param issuer who issued it (null without full detail)
 * @param title the document's title (null without full detail)
 * @param issued the issue date "YYYY-MM-DD", ending in "≈" when it is an estimate
 *     (null without full detail)
 * @param region the six-digit region the rule belongs to ("000000": national; null
 *     without full detail)
 * @param verified false for values the sources leave uncertain (see {@code note})
 * @param note why the rule is unverified, or other remarks; null when none
 */
public record Rule(String id, String citation, String issuer, String title, String issued,
    String region, boolean verified, String note) {

  /** True when the issue date is an estimate (the library writes it ending in "≈"). */
  public boolean issuedApproximately() {
    return issued != null && issued.endsWith("≈");
  }

  /** The issue date without the "≈" mark, or null if the text is not a date. */
  public LocalDate issuedDate() {
    if (issued == null) return null;
    String t = issuedApproximately() ? issued.substring(0, issued.length() - 1) : issued;
    try {
      return LocalDate.parse(t.trim());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  static Rule from(JsonObject o) {
    return new Rule(o.string("id"), o.string("citation"), o.optString("issuer"),
        o.optString("title"), o.optString("issued"), o.optString("region"),
        !o.has("verified") || o.bool("verified"), o.optString("note"));
  }
}
