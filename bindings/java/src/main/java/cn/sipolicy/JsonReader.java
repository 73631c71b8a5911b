package cn.sipolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) for the library's results. Values
 * become: objects → {@link JsonObject} (members in order, duplicate names
 * rejected), arrays → unmodifiable {@link List}, strings → {@link String},
 * numbers → {@link BigDecimal} built from their exact text (never through
 * binary floating point), true/false → {@link Boolean}, null →
 * {@link #NULL}. Anything else — trailing text, comments, single quotes,
 * leading zeros, bad escapes, unescaped control characters, lone surrogate
 * escapes, nesting deeper than 64 — is an {@link IllegalArgumentException}
 * with the offset.
 */
final class JsonReader {
  /** The JSON null (a member that is present with the value null). */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final int MAX_DEPTH = 64;

  private final String s;
  private int pos;
  private int depth;

  private JsonReader(String s) {
    this.s = s;
  }

  /** Parses one JSON value filling the whole text (whitespace around it is fine). */
  static Object parse(String text) {
    JsonReader r = new JsonReader(text);
    r.skipSpace();
    Object v = r.value();
    r.skipSpace();
    if (r.pos != text.length()) throw r.error("unexpected text after the JSON value");
    return v;
  }

  /** Parses text that must be one JSON object. */
  static JsonObject parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof JsonObject)) {
      throw new IllegalArgumentException("expected a JSON object, found " + typeName(v));
    }
    return (JsonObject) v;
  }

  static String typeName(Object v) {
    if (v == NULL) return "null";
    if (v instanceof JsonObject) return "an object";
    if (v instanceof List) return "an array";
    if (v instanceof String) return "a string";
    if (v instanceof BigDecimal) return "a number";
    if (v instanceof Boolean) return "a boolean";
    return String.valueOf(v);
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + what);
  }

  private void skipSpace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') pos++;
      else break;
    }
  }

  private Object value() {
    if (pos >= s.length()) throw error("unexpected end of text");
    char c = s.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return NULL;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw error("unexpected character '" + c + "'");
    }
  }

  private void literal(String word) {
    if (!s.startsWith(word, pos)) throw error("expected " + word);
    pos += word.length();
  }

  private void enter() {
    if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
  }

  private JsonObject object() {
    enter();
    pos++; // {
    Map<String, Object> members = new LinkedHashMap<>();
    skipSpace();
    if (pos < s.length() && s.charAt(pos) == '}') {
      pos++;
      depth--;
      return new JsonObject(members);
    }
    while (true) {
      skipSpace();
      if (pos >= s.length() || s.charAt(pos) != '"') throw error("expected a member name");
      int at = pos;
      String name = string();
      skipSpace();
      if (pos >= s.length() || s.charAt(pos) != ':') throw error("expected ':'");
      pos++;
      skipSpace();
      Object v = value();
      if (members.putIfAbsent(name, v) != null) {
        pos = at;
        throw error("duplicate member \"" + name + "\"");
      }
      skipSpace();
      if (pos >= s.length()) throw error("unexpected end of text in an object");
      char c = s.charAt(pos++);
      if (c == '}') break;
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
    depth--;
    return new JsonObject(members);
  }

  private List<Object> array() {
    enter();
    pos++; // [
    List<Object> items = new ArrayList<>();
    skipSpace();
    if (pos < s.length() && s.charAt(pos) == ']') {
      pos++;
      depth--;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      skipSpace();
      items.add(value());
      skipSpace();
      if (pos >= s.length()) throw error("unexpected end of text in an array");
      char c = s.charAt(pos++);
      if (c == ']') break;
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
    depth--;
    return Collections.unmodifiableList(items);
  }

  private String string() {
    pos++; // "
    StringBuilder sb = null;
    int start = pos;
    while (true) {
      if (pos >= s.length()) throw error("unterminated string");
      char c = s.charAt(pos);
      if (c == '"') {
        String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
        pos++;
        return out;
      }
      if (c < 0x20) throw error("unescaped control character in a string");
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && pos + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(pos + 1))) {
          pos += 2;
          continue;
        }
        throw error("unpaired surrogate in a string");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (sb == null) sb = new StringBuilder();
      sb.append(s, start, pos);
      pos++;
      if (pos >= s.length()) throw error("unterminated escape");
      char e = s.charAt(pos++);
      switch (e) {
        case '"':
          sb.append('"');
          break;
        case '\\':
          sb.append('\\');
          break;
        case '/':
          sb.append('/');
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'n':
          sb.append('\n');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'u':
          char u = hex4();
          if (Character.isHighSurrogate(u)) {
            if (!s.startsWith("\\u", pos)) throw error("unpaired surrogate escape");
            pos += 2;
            char low = hex4();
            if (!Character.isLowSurrogate(low)) throw error("unpaired surrogate escape");
            sb.append(u).append(low);
          } else if (Character.isLowSurrogate(u)) {
            throw error("unpaired surrogate escape");
          } else {
            sb.append(u);
          }
          break;
        default:
          pos--;
          throw error("bad escape '\\" + e + "'");
      }
      start = pos;
    }
  }

  private char hex4() {
    if (pos + 4 > s.length()) throw error("short \\u escape");
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(s.charAt(pos + i), 16);
      if (d < 0) throw error("bad \\u escape");
      v = v * 16 + d;
    }
    pos += 4;
    return (char) v;
  }

  private BigDecimal number() {
    int start = pos;
    if (s.charAt(pos) == '-') pos++;
    if (pos >= s.length()) throw error("bad number");
    char c = s.charAt(pos);
    if (c == '0') {
      pos++;
    } else if (c >= '1' && c <= '9') {
      while (pos < s.length() && isDigit(s.charAt(pos))) pos++;
    } else {
      throw error("bad number");
    }
    if (pos < s.length() && s.charAt(pos) == '.') {
      pos++;
      int f = pos;
      while (pos < s.length() && isDigit(s.charAt(pos))) pos++;
      if (pos == f) throw error("bad number: no digits after '.'");
    }
    if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      pos++;
      if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
      int f = pos;
      while (pos < s.length() && isDigit(s.charAt(pos))) pos++;
      if (pos == f) throw error("bad number: no exponent digits");
    }
    if (pos < s.length() && isDigit(s.charAt(pos))) throw error("bad number: leading zero");
    try {
      return new BigDecimal(s.substring(start, pos));
    } catch (NumberFormatException | ArithmeticException e) {
      throw error("number out of range");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
