package cn.sipolicy;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The C ABI of libsipolicy.so.1, bound by JNA direct mapping
 * ({@link Native#register(Class, NativeLibrary)}).
 *
 * <p>Type mapping: {@code int}/{@code int32_t} → int, {@code int64_t} → long,
 * {@code size_t} → long (64-bit platforms only; checked at load time), pointers
 * to integers → primitive arrays of length 1 (or n for the batch call),
 * {@code char**} → {@link PointerByReference}, {@code const char*} arguments →
 * NUL-terminated UTF-8 {@code byte[]} built by {@link #utf8z}, {@code const
 * char*} results → {@link Pointer} read as UTF-8. No string crosses through
 * JNA's own encoding ({@code jna.encoding}), so the platform default charset
 * never matters.
 *
 * <p>Where the library is found: system property {@code sipolicy.library} or
 * environment variable {@code SIPOLICY_LIBRARY} (a full path to the .so), else
 * next to this jar where the build put it ({@link #besideJar}: from
 * {@code <prefix>/share/java/sipolicy.jar}, {@code <prefix>/lib/libsipolicy.so.1}),
 * else the name "sipolicy" on {@code jna.library.path} and the system paths.
 */
final class NativeLib {
  /** The major version this binding speaks (SIPOLICY_VERSION_MAJOR). */
  static final int EXPECTED_MAJOR = 0;
  /**
   * The oldest library with every function bound here: 0.2.0 (the paper
   * trail: catalog hash, signed packs, receipts).
   */
  static final int MINIMUM_VERSION = 200;

  /** Where the library was loaded from, for messages. */
  static final String LOCATION;
  /** The loaded library (for functions bound separately: {@link NativeColumns}). */
  static final NativeLibrary LIBRARY;

  static {
    if (Native.SIZE_T_SIZE != 8) {
      throw new UnsatisfiedLinkError(
          "the sipolicy Java binding maps size_t to a Java long and needs a 64-bit platform"
              + " (size_t here is " + Native.SIZE_T_SIZE + " bytes)");
    }
    String path = System.getProperty("sipolicy.library");
    String from = "system property sipolicy.library";
    if (path == null || path.isEmpty()) {
      path = System.getenv("SIPOLICY_LIBRARY");
      from = "environment variable SIPOLICY_LIBRARY";
    }
    if (path == null || path.isEmpty()) {
      path = besideJar();
      from = "the sipolicy jar's native.properties (the library installed or built with it)";
    }
    NativeLibrary lib;
    if (path != null && !path.isEmpty()) {
      try {
        lib = NativeLibrary.getInstance(path);
      } catch (UnsatisfiedLinkError e) {
        UnsatisfiedLinkError err = new UnsatisfiedLinkError(
            "cannot load the sipolicy library '" + path + "' named by " + from + ": "
                + e.getMessage());
        err.initCause(e);
        throw err;
      }
      LOCATION = path;
    } else {
      try {
        lib = NativeLibrary.getInstance("sipolicy");
      } catch (UnsatisfiedLinkError e) {
        UnsatisfiedLinkError err = new UnsatisfiedLinkError(
            "cannot find libsipolicy: set the system property sipolicy.library or the environment"
                + " variable SIPOLICY_LIBRARY to the full path of libsipolicy.so.1, or put its"
                + " directory on jna.library.path (" + e.getMessage() + ")");
        err.initCause(e);
        throw err;
      }
      LOCATION = lib.getFile() != null ? lib.getFile().getPath() : "sipolicy";
    }
    LIBRARY = lib;
    // The version first, by name: registering this class with an older
    // library would fail on the first missing symbol with a less useful message.
    int v = lib.getFunction("sipolicy_version_number").invokeInt(new Object[0]);
    if (v / 10000 != EXPECTED_MAJOR || v < MINIMUM_VERSION) {
      throw new UnsatisfiedLinkError(
          "libsipolicy at " + LOCATION + " is version " + (v / 10000) + "." + (v / 100 % 100) + "."
              + (v % 100) + "; this binding needs " + EXPECTED_MAJOR + ".x (at least "
              + (MINIMUM_VERSION / 10000) + "." + (MINIMUM_VERSION / 100 % 100) + "."
              + (MINIMUM_VERSION % 100) + ")");
    }
    Native.register(NativeLib.class, lib);
  }

  private NativeLib() {}

  /**
   * The library installed or built with this jar, or null: the paths in
   * {@code cn/sipolicy/native.properties} (written by the build: "install",
   * then "build"), relative to the directory of the jar this class came from.
   * Null when the class is not in a jar, the file is missing, or no listed
   * path exists, so the caller falls back to JNA's own search.
   */
  private static String besideJar() {
    try {
      java.security.CodeSource source = NativeLib.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) return null;
      java.nio.file.Path jar = java.nio.file.Paths.get(source.getLocation().toURI());
      java.nio.file.Path dir = jar.getParent();
      if (dir == null || !java.nio.file.Files.isRegularFile(jar)) return null;
      java.util.Properties places = new java.util.Properties();
      try (java.io.InputStream in = NativeLib.class.getResourceAsStream("native.properties")) {
        if (in == null) return null;
        places.load(in);
      }
      for (String key : new String[] {"install", "build"}) {
        String relative = places.getProperty(key, "");
        if (relative.isEmpty()) continue;
        java.nio.file.Path candidate = dir.resolve(relative).normalize();
        if (java.nio.file.Files.isRegularFile(candidate)) return candidate.toString();
      }
      return null;
    } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
      return null;  // e.g. a jar loaded over the network: use JNA's search
    }
  }

  // --- Version and errors ---------------------------------------------------
  static native Pointer sipolicy_version();

  static native int sipolicy_version_number();

  static native Pointer sipolicy_last_error();

  static native Pointer sipolicy_last_error_field();

  static native Pointer sipolicy_status_name(int status);

  static native void sipolicy_string_free(Pointer s);

  // --- Engine -----------------------------------------------------------------
  static native int sipolicy_engine_create(PointerByReference out);

  static native void sipolicy_engine_free(Pointer engine);

  static native int sipolicy_engine_load_pack(Pointer engine, byte[] text, long len, byte[] source);

  static native int sipolicy_engine_load_pack_file(Pointer engine, byte[] path);

  // --- The paper trail (0.2.0): catalog hash, packs, signatures, receipts -------------
  static native int sipolicy_engine_catalog_hash(PointerByReference out, Pointer engine);

  static native int sipolicy_engine_packs(PointerByReference out, Pointer engine);

  static native int sipolicy_engine_trust_key(Pointer engine, byte[] publicKeyHex);

  static native int sipolicy_engine_load_signed_pack(Pointer engine, byte[] text, long len,
      byte[] source, byte[] signature, long signatureLen);

  static native int sipolicy_eval_receipt(PointerByReference out, Pointer engine, byte[] request,
      long len);

  static native int sipolicy_replay_receipt(PointerByReference out, Pointer engine,
      byte[] receipt, long len);

  // --- JSON ---------------------------------------------------------------------
  static native int sipolicy_eval_json(PointerByReference out, Pointer engine, byte[] request,
      long len);

  static native int sipolicy_eval_jsonl(PointerByReference out, Pointer engine, byte[] lines,
      long len);

  // --- Arithmetic -------------------------------------------------------------------
  static native int sipolicy_multiply_round(PointerByReference out, byte[] amount, byte[] rate,
      byte[] rounding);

  // --- Helpers ------------------------------------------------------------------

  /** Reads a library-owned static or thread-local C string as UTF-8. */
  static String string(Pointer p) {
    return p == null ? "" : p.getString(0, "UTF-8");
  }

  /** The library's name for a status code. */
  static String statusName(int status) {
    return string(sipolicy_status_name(status));
  }

  /**
   * The exception for a failed call, from this thread's last error. Call it
   * right after the failing call, on the same thread, before any other call
   * into the library.
   */
  static SipolicyException error(int status) {
    String message = string(sipolicy_last_error());
    String field = string(sipolicy_last_error_field());
    return SipolicyException.of(status, statusName(status), message, field);
  }

  /** Throws the typed exception for a non-OK status. */
  static void check(int status) {
    if (status != Status.OK) throw error(status);
  }

  /**
   * Takes ownership of a string the library returned through {@code char**}:
   * reads it as UTF-8 and frees it with sipolicy_string_free.
   */
  static String take(PointerByReference out) {
    Pointer p = out.getValue();
    if (p == null) {
      throw new InternalException(statusName(Status.INTERNAL),
          "the library reported success but returned no string", "out");
    }
    try {
      return p.getString(0, "UTF-8");
    } finally {
      sipolicy_string_free(p);
    }
  }

  /** Frees a string returned through {@code char**}, if any (error paths). */
  static void discard(PointerByReference out) {
    Pointer p = out.getValue();
    if (p != null) sipolicy_string_free(p);
  }

  /**
   * A file path as NUL-terminated bytes in the JVM's file-name encoding
   * (sun.jnu.encoding; UTF-8 if unknown), the bytes Java itself uses for it.
   */
  static byte[] pathz(java.nio.file.Path path) {
    java.nio.charset.Charset cs = StandardCharsets.UTF_8;
    String jnu = System.getProperty("sun.jnu.encoding");
    try {
      if (jnu != null) cs = java.nio.charset.Charset.forName(jnu);
    } catch (IllegalArgumentException e) {
      cs = StandardCharsets.UTF_8;
    }
    return encodez(path.toString(), "path", cs);
  }

  /**
   * Encodes text as UTF-8 followed by one NUL byte. Strings with unpaired
   * surrogates (not encodable as UTF-8) are rejected rather than silently
   * replaced with '?'.
   */
  static byte[] utf8z(String s, String what) {
    return encodez(s, what, StandardCharsets.UTF_8);
  }

  private static byte[] encodez(String s, String what, java.nio.charset.Charset cs) {
    if (s == null) throw new NullPointerException(what + " must not be null");
    CharsetEncoder enc = cs.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bb;
    try {
      bb = enc.encode(CharBuffer.wrap(s));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(what + " cannot be encoded as " + cs.name()
          + " (unpaired surrogate, or a character the file-name encoding lacks)", e);
    }
    byte[] out = new byte[bb.remaining() + 1];
    bb.get(out, 0, out.length - 1);
    out[out.length - 1] = 0;
    return out;
  }

  /** The byte length of a {@link #utf8z} buffer, without its NUL. */
  static long lengthOf(byte[] z) {
    return z.length - 1;
  }
}
