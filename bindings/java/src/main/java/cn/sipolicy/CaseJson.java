package cn.sipolicy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of case files and results for {@link Cases}: a strict reader that keeps
 * every number as its exact text (a rate of {@code 0.16} stays "0.16", never a
 * double), knows where each value starts (line, and column in UTF-8 bytes, as the
 * library's own reader counts them), rejects duplicate keys, and allows {@code //}
 * comments when asked (case files are JSONC). Also the compact writer and the
 * exact equality of docs/testing.md.
 */
final class CaseJson {
  private CaseJson() {}

  enum Kind { NULL, BOOL, NUMBER, STRING, ARRAY, OBJECT }

  /** A parsed value; {@code index} is where it starts in the text. */
  static final class Node {
    final Kind kind;
    final int index;
    String text = "";           // a number's text, or a string's value
    boolean bool;
    final List<Node> items = new ArrayList<>();
    final Map<String, Node> members = new LinkedHashMap<>();

    Node(Kind kind, int index) {
      this.kind = kind;
      this.index = index;
    }

    Node get(String key) {
      return kind == Kind.OBJECT ? members.get(key) : null;
    }

    static Node string(String s) {
      Node n = new Node(Kind.STRING, 0);
      n.text = s;
      return n;
    }

    static Node bool(boolean b) {
      Node n = new Node(Kind.BOOL, 0);
      n.bool = b;
      return n;
    }
  }

  /** A syntax error at a place of the text. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    final int index;

    SyntaxException(int index, String message) {
      super(message);
      this.index = index;
    }
  }

  /** Line starts of a text, to turn an index into line and column. */
  static final class Positions {
    private final String text;
    private final int[] starts;

    Positions(String text) {
      this.text = text;
      int n = 1;
      for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
      starts = new int[n];
      for (int i = 0, k = 1; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
    }

    int line(int index) {
      int k = Arrays.binarySearch(starts, index);
      return (k >= 0 ? k : -k - 2) + 1;
    }

    /** 1-based, counting UTF-8 bytes as the library does. */
    int column(int index) {
      int start = starts[line(index) - 1];
      return text.substring(start, Math.min(index, text.length()))
          .getBytes(StandardCharsets.UTF_8).length + 1;
    }
  }

  private static final int MAX_DEPTH = 64;

  static Node parse(String text, boolean comments) throws SyntaxException {
    Reader r = new Reader(text, comments);
    r.space();
    if (r.pos >= text.length()) throw new SyntaxException(0, "the text is empty; a JSON value is expected");
    Node v = r.value(0);
    r.space();
    if (r.pos != text.length()) throw new SyntaxException(r.pos, "unexpected data after the JSON value");
    return v;
  }

  private static final class Reader {
    final String s;
    final boolean comments;
    int pos;

    Reader(String s, boolean comments) {
      this.s = s;
      this.comments = comments;
    }

    void space() throws SyntaxException {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
          pos++;
        } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
          if (!comments) throw new SyntaxException(pos, "comments are not allowed here");
          while (pos < s.length() && s.charAt(pos) != '\n') pos++;
        } else {
          return;
        }
      }
    }

    Node value(int depth) throws SyntaxException {
      if (depth > MAX_DEPTH) throw new SyntaxException(pos, "nesting is too deep");
      if (pos >= s.length()) throw new SyntaxException(pos, "unexpected end of text");
      char c = s.charAt(pos);
      int at = pos;
      if (c == '{') {
        Node n = new Node(Kind.OBJECT, at);
        pos++;
        space();
        if (peek() == '}') {
          pos++;
          return n;
        }
        while (true) {
          space();
          if (peek() != '"') throw new SyntaxException(pos, "expected a string key in double quotes");
          int keyAt = pos;
          String key = string();
          if (n.members.containsKey(key)) throw new SyntaxException(keyAt, "duplicate key \"" + key + "\"");
          space();
          if (peek() != ':') throw new SyntaxException(pos, "expected ':'");
          pos++;
          space();
          n.members.put(key, value(depth + 1));
          space();
          char d = peek();
          pos++;
          if (d == '}') return n;
          if (d != ',') throw new SyntaxException(pos - 1, "expected ',' or '}'");
        }
      }
      if (c == '[') {
        Node n = new Node(Kind.ARRAY, at);
        pos++;
        space();
        if (peek() == ']') {
          pos++;
          return n;
        }
        while (true) {
          space();
          n.items.add(value(depth + 1));
          space();
          char d = peek();
          pos++;
          if (d == ']') return n;
          if (d != ',') throw new SyntaxException(pos - 1, "expected ',' or ']'");
        }
      }
      if (c == '"') {
        Node n = new Node(Kind.STRING, at);
        n.text = string();
        return n;
      }
      if (c == '-' || (c >= '0' && c <= '9')) {
        Node n = new Node(Kind.NUMBER, at);
        n.text = number();
        return n;
      }
      for (String word : new String[] {"true", "false", "null"}) {
        if (s.startsWith(word, pos)) {
          pos += word.length();
          if (word.equals("null")) return new Node(Kind.NULL, at);
          Node n = new Node(Kind.BOOL, at);
          n.bool = word.equals("true");
          return n;
        }
      }
      throw new SyntaxException(pos, "unexpected character '" + c + "'");
    }

    char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    String number() throws SyntaxException {
      int start = pos;
      if (peek() == '-') pos++;
      if (peek() == '0') {
        pos++;
        if (Character.isDigit(peek())) throw new SyntaxException(start, "numbers must not have leading zeros");
      } else if (!digits()) {
        throw new SyntaxException(pos, "a digit is expected");
      }
      if (peek() == '.') {
        pos++;
        if (!digits()) throw new SyntaxException(pos, "a digit is expected after '.'");
      }
      if (peek() == 'e' || peek() == 'E') {
        pos++;
        if (peek() == '+' || peek() == '-') pos++;
        if (!digits()) throw new SyntaxException(pos, "a digit is expected in the exponent");
      }
      return s.substring(start, pos);
    }

    boolean digits() {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
      return pos > start;
    }

    String string() throws SyntaxException {
      pos++;  // the opening quote
      StringBuilder b = new StringBuilder();
      while (true) {
        if (pos >= s.length()) throw new SyntaxException(pos, "unterminated string");
        char c = s.charAt(pos++);
        if (c == '"') return b.toString();
        if (c < 0x20) throw new SyntaxException(pos - 1, "control characters must be escaped inside strings");
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = peek();
        pos++;
        switch (e) {
          case '"': b.append('"'); break;
          case '\\': b.append('\\'); break;
          case '/': b.append('/'); break;
          case 'b': b.append('\b'); break;
          case 'f': b.append('\f'); break;
          case 'n': b.append('\n'); break;
          case 'r': b.append('\r'); break;
          case 't': b.append('\t'); break;
          case 'u': {
            char u = hex4();
            if (Character.isHighSurrogate(u)) {
              if (!s.startsWith("\\u", pos)) {
                throw new SyntaxException(pos, "a high surrogate must be followed by a low surrogate");
              }
              pos += 2;
              char low = hex4();
              if (!Character.isLowSurrogate(low)) {
                throw new SyntaxException(pos, "a high surrogate must be followed by a low surrogate");
              }
              b.append(u).append(low);
            } else if (Character.isLowSurrogate(u)) {
              throw new SyntaxException(pos, "a lone low surrogate");
            } else {
              b.append(u);
            }
            break;
          }
          default:
            throw new SyntaxException(pos - 1, "invalid escape");
        }
      }
    }

    char hex4() throws SyntaxException {
      if (pos + 4 > s.length()) throw new SyntaxException(pos, "four hex digits are expected");
      int v = 0;
      for (int i = 0; i < 4; i++) {
        int d = Character.digit(s.charAt(pos + i), 16);
        if (d < 0) throw new SyntaxException(pos + i, "four hex digits are expected");
        v = v * 16 + d;
      }
      pos += 4;
      return (char) v;
    }
  }

  // --- writing and comparing -------------------------------------------------------

  /** Compact JSON: numbers as written, strings escaped as the library escapes them. */
  static String dump(Node n) {
    StringBuilder b = new StringBuilder();
    dump(n, b);
    return b.toString();
  }

  private static void dump(Node n, StringBuilder b) {
    switch (n.kind) {
      case NULL: b.append("null"); break;
      case BOOL: b.append(n.bool ? "true" : "false"); break;
      case NUMBER: b.append(n.text); break;
      case STRING: quote(n.text, b); break;
      case ARRAY: {
        b.append('[');
        for (int i = 0; i < n.items.size(); i++) {
          if (i > 0) b.append(',');
          dump(n.items.get(i), b);
        }
        b.append(']');
        break;
      }
      case OBJECT: {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, Node> e : n.members.entrySet()) {
          if (!first) b.append(',');
          first = false;
          quote(e.getKey(), b);
          b.append(':');
          dump(e.getValue(), b);
        }
        b.append('}');
        break;
      }
    }
  }

  static void quote(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        case '\b': b.append("\\b"); break;
        case '\f': b.append("\\f"); break;
        default:
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
      }
    }
    b.append('"');
  }

  /** Exact equality: same kind; numbers and strings by text; lists in order; objects in any order. */
  static boolean equal(Node a, Node b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
      case NULL: return true;
      case BOOL: return a.bool == b.bool;
      case NUMBER:
      case STRING: return a.text.equals(b.text);
      case ARRAY: {
        if (a.items.size() != b.items.size()) return false;
        for (int i = 0; i < a.items.size(); i++) {
          if (!equal(a.items.get(i), b.items.get(i))) return false;
        }
        return true;
      }
      case OBJECT: {
        if (a.members.size() != b.members.size()) return false;
        for (Map.Entry<String, Node> e : a.members.entrySet()) {
          Node w = b.members.get(e.getKey());
          if (w == null || !equal(e.getValue(), w)) return false;
        }
        return true;
      }
    }
    return false;
  }

  static String typeName(Kind k) {
    switch (k) {
      case NULL: return "null";
      case BOOL: return "boolean";
      case NUMBER: return "number";
      case STRING: return "string";
      case ARRAY: return "array";
      default: return "object";
    }
  }
}
