package cn.sipolicy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Test helper (not a test class): throwaway Ed25519 keys made with the JDK's
 * own provider, and detached pack signatures in the format `sipolicy sign`
 * writes (include/sipolicy/integrity.hpp). Signing with an implementation
 * other than the library's checks the format itself, not just a round trip.
 * Keys live only in memory for one test.
 */
final class PackSigning {
  private final KeyPair pair;

  private PackSigning(KeyPair pair) {
    this.pair = pair;
  }

  /** A fresh throwaway key pair. */
  static PackSigning newKey() {
    try {
      return new PackSigning(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new AssertionError("the JDK has no Ed25519 provider", e);
    }
  }

  /** The public key as 64 hex digits, as `sipolicy keygen` writes NAME.pub. */
  String publicHex() {
    // X.509 SubjectPublicKeyInfo of Ed25519: a 12-byte header, then the 32 raw bytes.
    byte[] spki = pair.getPublic().getEncoded();
    return HexFormat.of().formatHex(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
  }

  /** The PACK.sig text for a pack's exact UTF-8 bytes. */
  String sign(String packText) {
    byte[] bytes = packText.getBytes(StandardCharsets.UTF_8);
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(pair.getPrivate());
      s.update(bytes);
      HexFormat hex = HexFormat.of();
      return "{\"format\":\"sipolicy-signature/1\",\"algorithm\":\"ed25519\",\"key\":\""
          + publicHex() + "\",\"pack_sha256\":\""
          + hex.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          + "\",\"signature\":\"" + hex.formatHex(s.sign()) + "\"}\n";
    } catch (GeneralSecurityException e) {
      throw new AssertionError("Ed25519 signing failed", e);
    }
  }
}
