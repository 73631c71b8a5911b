package cn.sipolicy;

import static cn.sipolicy.SignedPackTest.GUANGDONG_2021;
import static cn.sipolicy.SignedPackTest.PACK_NAME;
import static cn.sipolicy.SignedPackTest.pension14;
import static cn.sipolicy.TestSupport.dec;
import static cn.sipolicy.TestSupport.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Receipts (docs/receipts.md): a result with its request, the full catalog
 * hash and the packs, recomputed later by replayReceipt. Expected values: the
 * test pack pension-14.jsonc sets the pension rate to 14%, so a large
 * Guangdong unit on a base of 10000.00 in 2021-03 pays 1400.00.
 */
class ReceiptTest {
  static ContributionRequest guangdong2021() {
    return ContributionRequest.builder().region("440000").unitSize(UnitSize.LARGE)
        .insurance(Insurance.PENSION).period(YearMonth.of(2021, 3)).base(dec("10000.00"))
        .build();
  }

  static Engine withPack(String packText) {
    Engine e = Engine.create();
    try {
      e.loadPack(packText, PACK_NAME);
      return e;
    } catch (RuntimeException x) {
      e.close();
      throw x;
    }
  }

  @Test
  void receiptCarriesTheRequestResultHashAndPacks() {
    try (Engine e = withPack(pension14())) {
      Receipt r = e.receipt(guangdong2021());
      assertTrue(r.ok());
      assertEquals("1400.00", field(r.result(), "payable"));
      assertEquals("1400.00", field(r.result(), "due"));
      assertEquals("440000", field(r.request(), "region"));
      assertEquals("contribution", field(r.request(), "op"));
      assertEquals(e.catalogHash(), r.catalog());
      assertEquals(r.catalog().substring(0, 16), r.catalogShort());
      assertEquals(r.catalogShort(), field(r.result(), "catalog"));
      assertEquals(Sipolicy.version(), r.sipolicy());
      List<String> ids = e.packs().stream().map(PackInfo::id).toList();
      assertEquals(ids, r.packs());
      assertEquals("gd-rate@1", r.packs().get(r.packs().size() - 1));
      assertFalse(r.line().contains("\n"));

      // The JSON entry point gives the same receipt line, which parses to the same record.
      String line = e.evalReceipt(GUANGDONG_2021);
      Receipt parsed = Receipt.parse(line + "\n");
      assertEquals(line, parsed.line());
      assertEquals("1400.00", field(parsed.result(), "payable"));
      assertEquals(r.catalog(), parsed.catalog());
      assertEquals(r.packs(), parsed.packs());
    }
  }

  @Test
  void roundTripIsSame() {
    try (Engine e = withPack(pension14())) {
      Receipt r = e.receipt(guangdong2021());
      ReplayResult same = e.replayReceipt(r);
      assertTrue(same.same(), same.toString());
      assertEquals(ReplayResult.SAME, same.kind());
      assertEquals(List.of(), same.differences());
      assertEquals(r.catalog(), same.receiptCatalog());
      assertEquals(r.catalog(), same.catalog());
      assertTrue(same.message().startsWith("same result"), same.message());
      assertEquals(same, e.replayReceipt(r.line()));
    }
    // Later, in another engine built from the same rules (comments do not count).
    String line;
    try (Engine e = withPack(pension14())) {
      line = e.evalReceipt(GUANGDONG_2021);
    }
    try (Engine later = withPack("// reviewed again\n" + pension14())) {
      assertEquals(ReplayResult.SAME, later.replayReceipt(line).kind());
    }
  }

  @Test
  void refusedRequestsHaveReceiptsToo() {
    try (Engine e = withPack(pension14())) {
      Receipt r = Receipt.parse(e.evalReceipt("{\"op\":\"contribution\",\"region\":\"440000\"}"));
      assertFalse(r.ok());
      assertTrue(r.result().contains("\"invalid_argument\""), r.result());
      assertEquals(ReplayResult.SAME, e.replayReceipt(r).kind());
      // A request that is not JSON is kept as its text.
      Receipt text = Receipt.parse(e.evalReceipt("not json"));
      assertEquals("not json", text.request());
      assertFalse(text.ok());
      assertEquals(ReplayResult.SAME, e.replayReceipt(text).kind());
    }
  }

  @Test
  void anotherCatalogIsACatalogMismatch() {
    String line;
    String hash;
    try (Engine e = withPack(pension14())) {
      line = e.evalReceipt(GUANGDONG_2021);
      hash = e.catalogHash();
    }
    // A different pack: the 13% edit of the same pack.
    try (Engine other = withPack(pension14().replace("\"0.14\"", "\"0.13\""))) {
      ReplayResult m = other.replayReceipt(line);
      assertFalse(m.same());
      assertEquals(ReplayResult.CATALOG_MISMATCH, m.kind());
      assertEquals(hash, m.receiptCatalog());
      assertEquals(other.catalogHash(), m.catalog());
      assertEquals(List.of(), m.differences()); // nothing is recomputed
      assertTrue(m.receiptPacks().contains("gd-rate@1"), m.toString());
      assertTrue(m.message().contains(hash), m.message());
    }
    try (Engine builtin = Engine.create()) { // the pack missing
      ReplayResult m = builtin.replayReceipt(line);
      assertEquals(ReplayResult.CATALOG_MISMATCH, m.kind());
      assertEquals(builtin.packs().stream().map(PackInfo::id).toList(), m.packs());
      assertFalse(m.packs().contains("gd-rate@1"));
    }
  }

  @Test
  void editedResultIsChangedWithTheFieldListed() {
    try (Engine e = withPack(pension14())) {
      String line = e.evalReceipt(GUANGDONG_2021);
      assertEquals(1, line.split("\"payable\":\"1400.00\"", -1).length - 1, line);
      ReplayResult c = e.replayReceipt(
          line.replace("\"payable\":\"1400.00\"", "\"payable\":\"1300.00\""));
      assertFalse(c.same());
      assertEquals(ReplayResult.CHANGED, c.kind());
      assertEquals(List.of(new ReplayResult.Difference("payable", "\"1300.00\"", "\"1400.00\"")),
          c.differences());
      assertTrue(c.message().contains("payable"), c.message());
      assertEquals(e.catalogHash(), c.catalog());

      // A field the receipt lacks, and one only the receipt has.
      ReplayResult d = e.replayReceipt(line.replace("\"relief\":\"0.00\",", "")
          .replace("\"ok\":true,", "\"ok\":true,\"extra\":[1,{\"a\":null}],"));
      assertEquals(ReplayResult.CHANGED, d.kind());
      assertEquals(List.of(new ReplayResult.Difference("extra", "[1,{\"a\":null}]", "null"),
          new ReplayResult.Difference("relief", "null", "\"0.00\"")), d.differences());
    }
  }

  @Test
  void badReceipts() {
    Engine e = Engine.create();
    try {
      for (String bad : new String[] {"not json", "{}", "[1]", "{\"request\":{},\"result\":1}"}) {
        ReplayResult r = e.replayReceipt(bad);
        assertEquals(ReplayResult.BAD_RECEIPT, r.kind(), bad);
        assertFalse(r.same());
        assertTrue(r.message().startsWith("not a receipt"), r.message());
        assertNull(r.catalog());
        assertThrows(IllegalArgumentException.class, () -> Receipt.parse(bad), bad);
      }
      assertThrows(NullPointerException.class, () -> e.replayReceipt((String) null));
      assertThrows(NullPointerException.class, () -> e.replayReceipt((Receipt) null));
      assertThrows(NullPointerException.class, () -> e.evalReceipt(null));
      assertThrows(NullPointerException.class, () -> e.receipt(null));
      assertThrows(IllegalArgumentException.class, () -> e.evalReceipt("{\"op\":\"\uD800\"}"));
    } finally {
      e.close();
    }
    assertThrows(IllegalStateException.class, e::catalogHash);
    assertThrows(IllegalStateException.class, e::packs);
    assertThrows(IllegalStateException.class, () -> e.replayReceipt("{}"));
    assertThrows(IllegalStateException.class, () -> e.trustKey("00".repeat(32)));
    assertThrows(IllegalStateException.class, () -> e.loadPack("{}", "x", "{}"));
  }
}
