package cn.sipolicy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One pack of an engine's catalog, as {@link Engine#packs()} lists them in
 * load order (the built-in packs first).
 *
 * @param name the pack's "name" ("builtin-contributions", "gd-rate", …)
 * @param version the pack's "version" ("2026.11.0", "1", …)
 * @param source where it was loaded from: the file path, the {@code source}
 *     given to {@link Engine#loadPack(String, String)} ("pack" when none), or
 *     "builtin:contributions.jsonc" for a built-in pack
 */
public record PackInfo(String name, String version, String source) {
  public PackInfo {
    Convert.required(name, "name");
    Convert.required(version, "version");
    Convert.required(source, "source");
  }

  /** "name@version", as receipts list the packs ({@link Receipt#packs()}). */
  public String id() {
    return name + "@" + version;
  }

  /** The library's JSON array [{"name","version","source"}, …]. */
  static List<PackInfo> listFrom(String json) {
    Object parsed;
    try {
      parsed = JsonReader.parse(json);
    } catch (IllegalArgumentException e) {
      throw JsonObject.mismatch("packs", "is not JSON: " + e.getMessage());
    }
    if (!(parsed instanceof List)) throw JsonObject.mismatch("packs", "is not an array");
    List<PackInfo> out = new ArrayList<>();
    for (Object o : (List<?>) parsed) {
      if (!(o instanceof JsonObject)) throw JsonObject.mismatch("packs", "has a non-object");
      JsonObject p = (JsonObject) o;
      out.add(new PackInfo(p.string("name"), p.string("version"), p.string("source")));
    }
    return Collections.unmodifiableList(out);
  }
}
