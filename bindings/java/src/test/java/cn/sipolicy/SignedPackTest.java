package cn.sipolicy;

import static cn.sipolicy.TestSupport.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog hash, the list of packs and signed packs (docs/receipts.md),
 * with the test pack tests/cases/packs/pension-14.jsonc: it replaces the
 * national pension employer rate (国办发〔2019〕13号, 16%) by 14%.
 */
class SignedPackTest {
  static final String PACK_NAME = "pension-14.jsonc";

  /** A large Guangdong unit, pension, 2021-03 (after the 2020 relief), base 10000.00. */
  static final String GUANGDONG_2021 = "{\"op\":\"contribution\",\"region\":\"440000\","
      + "\"unit\":{\"size\":\"large\"},\"insurance\":\"pension\",\"period\":\"2021-03\","
      + "\"base\":\"10000.00\"}";

  static String pension14() {
    try {
      return Files.readString(CasesTest.casesDir().resolve("packs").resolve(PACK_NAME),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read the test pack " + PACK_NAME, e);
    }
  }

  /** What the unit pays: 10000.00 × 14% = 1400.00 with the pack, × 16% = 1600.00 without. */
  static String payable(Engine e) {
    return field(e.callJson(GUANGDONG_2021), "payable");
  }

  static boolean isHex64(String s) {
    return s.matches("[0-9a-f]{64}");
  }

  @Test
  void catalogHashFollowsTheRulesNotTheLayout() {
    String pack = pension14();
    // The same rules, with comments added and the layout changed.
    String commented = "// the same pack, commented and laid out again\n"
        + pack.replace("\"rate\": \"0.14\"", "\"rate\":\n    // 14%, not 16%\n    \"0.14\"")
            .replace(", \"version\"", ",\n  \"version\"");
    assertNotEquals(pack, commented);
    try (Engine a = Engine.create(); Engine b = Engine.create(); Engine c = Engine.create()) {
      String builtin = a.catalogHash();
      assertTrue(isHex64(builtin), builtin);
      assertEquals(builtin, b.catalogHash());
      // Every result carries the first 16 digits and the library version.
      String line = a.callJson(GUANGDONG_2021);
      assertEquals(builtin.substring(0, 16), field(line, "catalog"));
      assertEquals(Sipolicy.version(), field(line, "sipolicy"));
      assertEquals("1600.00", payable(a));

      a.loadPack(pack, PACK_NAME);
      String withPack = a.catalogHash();
      assertTrue(isHex64(withPack), withPack);
      assertNotEquals(builtin, withPack);
      assertEquals("1400.00", payable(a));
      assertEquals(withPack.substring(0, 16), field(a.callJson(GUANGDONG_2021), "catalog"));

      b.loadPack(commented, "commented.jsonc");
      assertEquals(withPack, b.catalogHash());
      c.loadPack(pack.replace("\"0.14\"", "\"0.13\""), PACK_NAME);
      assertNotEquals(withPack, c.catalogHash());
      assertEquals("1300.00", payable(c));
    }
  }

  @Test
  void packsListsTheBuiltinsThenTheLoadedPack() {
    try (Engine e = Engine.create()) {
      List<PackInfo> builtins = e.packs();
      assertTrue(!builtins.isEmpty());
      for (PackInfo p : builtins) {
        assertTrue(p.name().startsWith("builtin-"), p.toString());
        assertTrue(p.source().startsWith("builtin:"), p.toString());
      }
      e.loadPack(pension14(), PACK_NAME);
      List<PackInfo> packs = e.packs();
      assertEquals(builtins.size() + 1, packs.size());
      assertEquals(builtins, packs.subList(0, builtins.size()));
      PackInfo last = packs.get(packs.size() - 1);
      assertEquals(new PackInfo("gd-rate", "1", PACK_NAME), last);
      assertEquals("gd-rate@1", last.id());
      assertThrows(UnsupportedOperationException.class, () -> packs.add(last));
    }
  }

  @Test
  void signedPackLoadsInTrustedMode(@TempDir Path dir) throws IOException {
    String pack = pension14();
    PackSigning key = PackSigning.newKey();
    String sig = key.sign(pack);
    try (Engine e = Engine.create()) {
      e.trustKey(key.publicHex() + "\n"); // as read from NAME.pub
      e.loadPack(pack, PACK_NAME, sig);
      assertEquals("1400.00", payable(e));
    }
    // From a file with PATH.sig beside it.
    Path file = dir.resolve(PACK_NAME);
    Files.writeString(file, pack, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(PACK_NAME + ".sig"), sig, StandardCharsets.UTF_8);
    try (Engine e = Engine.create()) {
      e.trustKey(key.publicHex());
      e.loadPackFile(file);
      assertEquals("1400.00", payable(e));
      assertEquals(file.toString(), e.packs().get(e.packs().size() - 1).source());
    }
    // Without trusted keys a signature that is present is still checked, and accepted.
    try (Engine e = Engine.create()) {
      e.loadPack(pack, PACK_NAME, sig);
      assertEquals("1400.00", payable(e));
    }
  }

  /** The refusal leaves the engine as it was. */
  static PermissionDeniedException refused(Engine e, Runnable load) {
    String before = e.catalogHash();
    PermissionDeniedException x = assertThrows(PermissionDeniedException.class, load::run);
    assertEquals(Status.PERMISSION_DENIED, x.status());
    assertEquals("permission_denied", x.statusName());
    assertEquals(before, e.catalogHash());
    assertEquals("1600.00", payable(e));
    return x;
  }

  @Test
  void unsignedPackIsRefusedInTrustedMode(@TempDir Path dir) throws IOException {
    String pack = pension14();
    PackSigning key = PackSigning.newKey();
    Path file = dir.resolve(PACK_NAME);
    Files.writeString(file, pack, StandardCharsets.UTF_8);
    try (Engine e = Engine.create()) {
      e.loadPack(pension14().replace("\"0.14\"", "\"0.16\""), "before.jsonc"); // before trust
      e.trustKey(key.publicHex());
      PermissionDeniedException x = refused(e, () -> e.loadPack(pack, PACK_NAME));
      assertTrue(x.getMessage().contains("'" + PACK_NAME + "' is not signed"), x.getMessage());
      assertTrue(x.getMessage().contains(key.publicHex().substring(0, 8)), x.getMessage());
      refused(e, () -> e.loadPack(pack, PACK_NAME, null));
      PermissionDeniedException f = refused(e, () -> e.loadPackFile(file));
      assertTrue(f.getMessage().contains(file.toString()), f.getMessage());
      assertEquals(Status.PERMISSION_DENIED, SipolicyError.of(x).status());
    }
  }

  @Test
  void packSignedByAnotherKeyIsRefused() {
    String pack = pension14();
    PackSigning trusted = PackSigning.newKey();
    PackSigning other = PackSigning.newKey();
    try (Engine e = Engine.create()) {
      e.trustKey(trusted.publicHex());
      PermissionDeniedException x = refused(e, () -> e.loadPack(pack, PACK_NAME, other.sign(pack)));
      assertTrue(x.getMessage().contains("'" + PACK_NAME + "' is signed by key "
          + other.publicHex()), x.getMessage());
      e.trustKey(other.publicHex()); // several keys may be trusted
      e.loadPack(pack, PACK_NAME, other.sign(pack));
      assertEquals("1400.00", payable(e));
    }
  }

  @Test
  void packEditedAfterSigningIsRefused() {
    String pack = pension14();
    PackSigning key = PackSigning.newKey();
    String sig = key.sign(pack);
    String tampered = pack.replace("\"0.14\"", "\"0.04\"");
    try (Engine e = Engine.create()) {
      e.trustKey(key.publicHex());
      PermissionDeniedException x = refused(e, () -> e.loadPack(tampered, PACK_NAME, sig));
      assertTrue(x.getMessage().contains("does not match its signature"), x.getMessage());
      // Even a comment is an edit: the signature covers the exact bytes.
      refused(e, () -> e.loadPack(pack + "// note\n", PACK_NAME, sig));
    }
    try (Engine e = Engine.create()) { // no trusted key: a given signature must still hold
      refused(e, () -> e.loadPack(tampered, PACK_NAME, sig));
      // A forged signature over the right digest.
      char c = sig.charAt(sig.length() - 5);
      String forged = sig.substring(0, sig.length() - 5) + (c == '0' ? '1' : '0')
          + sig.substring(sig.length() - 4);
      PermissionDeniedException x = refused(e, () -> e.loadPack(pack, PACK_NAME, forged));
      assertTrue(x.getMessage().contains("does not verify"), x.getMessage());
    }
  }

  @Test
  void badKeysAndSignaturesAreInvalidArguments() {
    try (Engine e = Engine.create()) {
      InvalidArgumentException k = assertThrows(InvalidArgumentException.class,
          () -> e.trustKey("not a key"));
      assertEquals("public_key_hex", k.field());
      assertThrows(InvalidArgumentException.class, () -> e.trustKey("ab".repeat(31)));
      assertThrows(NullPointerException.class, () -> e.trustKey(null));
      InvalidArgumentException s = assertThrows(InvalidArgumentException.class,
          () -> e.loadPack(pension14(), PACK_NAME, "{\"format\":\"something else\"}"));
      assertEquals("signature", s.field());
      assertThrows(InvalidArgumentException.class,
          () -> e.loadPack(pension14(), PACK_NAME, "not json"));
      assertEquals("1600.00", payable(e));
    }
  }

  /** `sipolicy keygen` and `sipolicy sign`, as an operator makes them, loaded through Java. */
  @Test
  void signaturesMadeByTheCommandLine(@TempDir Path dir) throws Exception {
    String cli = System.getProperty("sipolicy.cli", System.getenv("SIPOLICY_CLI"));
    Assumptions.assumeTrue(cli != null && Files.isExecutable(Path.of(cli)),
        "the sipolicy command is not known (-Dsipolicy.cli or SIPOLICY_CLI): " + cli);
    Path pack = dir.resolve(PACK_NAME);
    Files.writeString(pack, pension14(), StandardCharsets.UTF_8);
    run(dir, cli, "keygen", "ops");
    run(dir, cli, "sign", "--key", "ops.key", PACK_NAME);
    String pub = Files.readString(dir.resolve("ops.pub"), StandardCharsets.UTF_8);
    try (Engine e = Engine.create()) {
      e.trustKey(pub);
      e.loadPackFile(pack);
      assertEquals("1400.00", payable(e));
    }
    Files.writeString(pack, pension14().replace("\"0.14\"", "\"0.04\""), StandardCharsets.UTF_8);
    try (Engine e = Engine.create()) {
      e.trustKey(pub);
      refused(e, () -> e.loadPackFile(pack));
    }
  }

  private static void run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
  }
}
