package cn.sipolicy;

import cn.sipolicy.CaseJson.Kind;
import cn.sipolicy.CaseJson.Node;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Golden case files from Java, with the same rules as {@code sipolicy test}
 * (the case format and the comparison rules: docs/testing.md). A case file holds
 * cases in JSON Lines (one case per line) or as one JSON list; {@code //} comments
 * are allowed in both. Each case is a request of the JSON entry point, the
 * fields its result must have (dotted paths, compared exactly as JSON: "800.00"
 * is not "800.0" and not 800), the rules it must cite, a {@code why} (the 文号 and
 * the arithmetic) and optional packs.
 *
 * <pre>{@code
 * Cases.Report report = Cases.run(Path.of("tests/cases/contribution.jsonl"));
 * System.out.println(report);     // each failing case, then "N passed, N failed"
 *
 * // JUnit 5: one dynamic test per case
 * @TestFactory
 * Stream<DynamicTest> golden() {
 *   return Cases.run(Path.of("tests/cases")).results().stream().map(r ->
 *       DynamicTest.dynamicTest(r.kase().name(), () -> assertTrue(r.passed(), r.describe())));
 * }
 * }</pre>
 *
 * Requests go through {@link Engine#callJson}, the door the CLI and the Python
 * binding use too. Also a command: {@code java -cp sipolicy.jar cn.sipolicy.Cases
 * [--json] [-v] [--filter TEXT] [--pack FILE]... [--as-of DATE] CASES...}.
 */
public final class Cases {
  private Cases() {}

  private static final List<String> MEMBERS = List.of("name", "request", "expect", "cites", "why", "packs");

  /** A malformed case file or case, or a pack that does not load; the message is "file:line:column: …". */
  public static final class CaseFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    CaseFileException(String file, int line, int column, String message) {
      super(file + (line > 0 ? ":" + line : "") + (column > 0 ? ":" + column : "") + ": " + message);
      this.file = file;
      this.line = line;
    }

    public String file() {
      return file;
    }

    public int line() {
      return line;
    }
  }

  /** Options as {@code sipolicy test --pack/--as-of/--filter}; all optional. */
  public static final class Options {
    Engine engine;
    final List<Path> packs = new ArrayList<>();
    String asOf;
    String filter;

    /** Evaluates the cases that load no pack (otherwise each pack set gets its own engine). */
    public Options engine(Engine e) {
      engine = e;
      return this;
    }

    /** A pack loaded for every case, after the case's own. */
    public Options pack(Path p) {
      packs.add(Objects.requireNonNull(p));
      return this;
    }

    /** as_of for the requests that give none (YYYY-MM-DD). */
    public Options asOf(String date) {
      asOf = date;
      return this;
    }

    /** Only the cases whose name contains this text. */
    public Options filter(String text) {
      filter = text;
      return this;
    }
  }

  /** One case of a file ({@code file} as given, {@code line} of its start). */
  public static final class Case {
    private final String name;
    private final String file;
    private final int line;
    final Node request;
    final List<Map.Entry<String, Node>> expect;
    private final List<String> cites;
    private final String why;
    private final List<Path> packs;

    Case(String name, String file, int line, Node request, List<Map.Entry<String, Node>> expect,
        List<String> cites, String why, List<Path> packs) {
      this.name = name;
      this.file = file;
      this.line = line;
      this.request = request;
      this.expect = expect;
      this.cites = List.copyOf(cites);
      this.why = why;
      this.packs = List.copyOf(packs);
    }

    public String name() {
      return name;
    }

    public String file() {
      return file;
    }

    public int line() {
      return line;
    }

    public String why() {
      return why;
    }

    public List<String> cites() {
      return cites;
    }

    public List<Path> packs() {
      return packs;
    }

    /** The request as compact JSON, numbers as written. */
    public String requestJson() {
      return CaseJson.dump(request);
    }

    /** The request's "op", or "" when it has none. */
    public String op() {
      Node op = request.get("op");
      return op != null && op.kind == Kind.STRING ? op.text : "";
    }
  }

  /**
   * One way a result differs: {@code expected} and {@code got} are compact JSON
   * ({@code got} is null when the result has no such field; for path "cites",
   * {@code expected} is the rule id or 文号 that is not cited).
   */
  public record Mismatch(String path, String expected, String got, String note) {}

  /** A rule the result cites: its id and 文号. */
  public record Rule(String id, String citation) {}

  /** A case, its verdict and mismatches, and the result. */
  public static final class Result {
    private final Case kase;
    private final List<Mismatch> mismatches;
    private final Node result;
    private final String resultJson;

    Result(Case kase, List<Mismatch> mismatches, Node result, String resultJson) {
      this.kase = kase;
      this.mismatches = List.copyOf(mismatches);
      this.result = result;
      this.resultJson = resultJson;
    }

    public Case kase() {
      return kase;
    }

    public boolean passed() {
      return mismatches.isEmpty();
    }

    public List<Mismatch> mismatches() {
      return mismatches;
    }

    /** The result line exactly as the library returned it. */
    public String resultJson() {
      return resultJson;
    }

    public List<Rule> rules() {
      List<Rule> out = new ArrayList<>();
      Node rules = result.get("rules");
      if (rules == null || rules.kind != Kind.ARRAY) return out;
      for (Node r : rules.items) {
        Node id = r.get("id");
        Node citation = r.get("citation");
        out.add(new Rule(id != null ? id.text : "?", citation != null ? citation.text : ""));
      }
      return out;
    }

    /** The result's error object as JSON when the request failed, else null. */
    public String errorJson() {
      Node e = result.get("error");
      return e != null && !resultOk(result) ? CaseJson.dump(e) : null;
    }

    /** The block {@code sipolicy test} prints for a failing case. */
    public String describe() {
      StringBuilder b = new StringBuilder();
      b.append("FAIL ").append(kase.file).append(':').append(kase.line).append(": ").append(kase.name);
      for (Mismatch m : mismatches) {
        if (m.path().equals("cites")) {
          b.append("\n  cites: expected ").append(m.expected()).append(" among the rules, not cited");
          continue;
        }
        b.append("\n  ").append(m.path()).append(": expected ").append(m.expected()).append(", got ")
            .append(m.got() != null ? m.got() : "(absent)");
        if (!m.note().isEmpty()) b.append("  (").append(m.note()).append(')');
      }
      Node e = result.get("error");
      if (e != null && !resultOk(result)) {
        String field = text(e.get("field"));
        b.append("\n  error: ").append(e.get("code") != null ? text(e.get("code")) : "?")
            .append(field.isEmpty() ? "" : " on \"" + field + "\"")
            .append(": ").append(text(e.get("message")));
      }
      List<String> parts = new ArrayList<>();
      Node rules = result.get("rules");
      if (rules != null && rules.kind == Kind.ARRAY) {
        for (Node r : rules.items) {
          Node v = r.get("verified");
          parts.add((r.get("id") != null ? text(r.get("id")) : "?") + " " + text(r.get("citation"))
              + (v != null && v.kind == Kind.BOOL && !v.bool ? " (unverified)" : ""));
        }
      }
      b.append("\n  rules: ").append(parts.isEmpty() ? "(none)" : String.join("; ", parts));
      b.append("\n  why: ").append(kase.why);
      return b.toString();
    }

    /** The case as one line of {@code sipolicy test --json}. */
    public String toJson() {
      StringBuilder b = new StringBuilder("{\"file\":");
      CaseJson.quote(kase.file, b);
      b.append(",\"line\":").append(kase.line).append(",\"name\":");
      CaseJson.quote(kase.name, b);
      b.append(",\"passed\":").append(passed()).append(",\"mismatches\":[");
      for (int i = 0; i < mismatches.size(); i++) {
        Mismatch m = mismatches.get(i);
        b.append(i > 0 ? ",{\"path\":" : "{\"path\":");
        CaseJson.quote(m.path(), b);
        b.append(",\"expected\":").append(m.expected());
        if (m.got() != null) b.append(",\"got\":").append(m.got());
        b.append('}');
      }
      b.append("],\"rules\":[");
      List<Rule> rules = rules();
      for (int i = 0; i < rules.size(); i++) {
        b.append(i > 0 ? ",{\"id\":" : "{\"id\":");
        CaseJson.quote(rules.get(i).id(), b);
        b.append(",\"citation\":");
        CaseJson.quote(rules.get(i).citation(), b);
        b.append('}');
      }
      b.append(']');
      String error = errorJson();
      if (error != null) b.append(",\"error\":").append(error);
      return b.append('}').toString();
    }
  }

  /** The results in file order; {@code toString()} is what {@code sipolicy test} prints. */
  public static final class Report {
    private final List<Result> results;

    Report(List<Result> results) {
      this.results = List.copyOf(results);
    }

    public List<Result> results() {
      return results;
    }

    public int passed() {
      return (int) results.stream().filter(Result::passed).count();
    }

    public int failed() {
      return results.size() - passed();
    }

    public boolean ok() {
      return failed() == 0;
    }

    public List<Result> failures() {
      return results.stream().filter(r -> !r.passed()).toList();
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (Result r : failures()) b.append(r.describe()).append('\n');
      return b.append(passed()).append(" passed, ").append(failed()).append(" failed").toString();
    }
  }

  // --- reading ---------------------------------------------------------------------

  /** Every case of the files (a directory: its *.jsonl and *.jsonc files, by name). */
  public static List<Case> load(Path... files) {
    List<Case> out = new ArrayList<>();
    for (Path f : expand(files)) out.addAll(new FileReader(f).read());
    return out;
  }

  private static List<Path> expand(Path... paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      List<Path> found = new ArrayList<>();
      try (Stream<Path> s = Files.list(p)) {
        s.filter(x -> (x.toString().endsWith(".jsonl") || x.toString().endsWith(".jsonc"))
            && Files.isRegularFile(x)).forEach(found::add);
      } catch (IOException e) {
        throw new CaseFileException(p.toString(), 0, 0, "cannot list the directory: " + e.getMessage());
      }
      if (found.isEmpty()) {
        throw new CaseFileException(p.toString(), 0, 0, "the directory holds no case files (*.jsonl, *.jsonc)");
      }
      found.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
      out.addAll(found);
    }
    return out;
  }

  private static final class FileReader {
    final Path path;
    final String file;
    final List<Case> cases = new ArrayList<>();
    CaseJson.Positions positions;
    int lineOffset;

    FileReader(Path path) {
      this.path = path;
      this.file = path.toString();
    }

    CaseFileException error(int index, String message) {
      return new CaseFileException(file, positions.line(index) + lineOffset, positions.column(index), message);
    }

    List<Case> read() {
      if (Files.isDirectory(path)) throw new CaseFileException(file, 0, 0, "is a directory, not a case file");
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
      } catch (CharacterCodingException e) {
        throw new CaseFileException(file, 0, 0, "the text is not valid UTF-8");
      } catch (IOException e) {
        throw new CaseFileException(file, 0, 0, "cannot read the case file: " + e.getMessage());
      }
      if (isList(text)) {
        positions = new CaseJson.Positions(text);
        Node doc = parse(text);
        if (doc.kind != Kind.ARRAY) throw error(doc.index, "expected a JSON list of cases");
        for (Node item : doc.items) add(item);
      } else {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          String line = lines[i];
          String t = line.strip();
          if (t.isEmpty() || t.startsWith("//")) continue;
          positions = new CaseJson.Positions(line);
          lineOffset = i;
          add(parse(line));
        }
      }
      if (cases.isEmpty()) throw new CaseFileException(file, 0, 0, "holds no cases");
      return cases;
    }

    static boolean isList(String s) {
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
          i++;
        } else if (s.startsWith("//", i)) {
          int nl = s.indexOf('\n', i);
          i = nl < 0 ? s.length() : nl + 1;
        } else {
          return c == '[';
        }
      }
      return false;
    }

    Node parse(String text) {
      try {
        return CaseJson.parse(text, true);
      } catch (CaseJson.SyntaxException e) {
        throw error(e.index, e.getMessage());
      }
    }

    List<String> strings(Node v, String key) {
      if (v.kind != Kind.ARRAY) throw error(v.index, key + ": must be a list of strings");
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.items.size(); i++) {
        Node s = v.items.get(i);
        if (s.kind != Kind.STRING || s.text.isEmpty()) {
          throw error(s.index, key + "[" + i + "]: must be a non-empty string");
        }
        out.add(s.text);
      }
      return out;
    }

    void add(Node v) {
      if (v.kind != Kind.OBJECT) {
        throw error(v.index, "a case must be a JSON object, found " + CaseJson.typeName(v.kind));
      }
      for (Map.Entry<String, Node> m : v.members.entrySet()) {
        if (!MEMBERS.contains(m.getKey())) {
          throw error(m.getValue().index, "'" + m.getKey()
              + "': unknown member (a case has name, request, expect, cites, why, packs)");
        }
      }
      Node name = v.get("name");
      if (name != null && (name.kind != Kind.STRING || name.text.isEmpty())) {
        throw error(name.index, "name: must be a non-empty string");
      }
      Node request = v.get("request");
      if (request != null && request.kind != Kind.OBJECT) {
        throw error(request.index, "request: must be a JSON object (a request of the JSON entry point), found "
            + CaseJson.typeName(request.kind));
      }
      Node expect = v.get("expect");
      List<Map.Entry<String, Node>> expected = new ArrayList<>();
      if (expect != null) {
        if (expect.kind != Kind.OBJECT) {
          throw error(expect.index, "expect: must be an object of \"dotted.path\": expected value");
        }
        for (Map.Entry<String, Node> e : expect.members.entrySet()) {
          if (!validPath(e.getKey())) {
            throw error(e.getValue().index, "expect: '" + e.getKey()
                + "' is not a dotted path such as \"amount\" or \"results.0.ok\"");
          }
          expected.add(Map.entry(e.getKey(), e.getValue()));
        }
      }
      List<String> cites = v.get("cites") != null ? strings(v.get("cites"), "cites") : List.of();
      Node why = v.get("why");
      if (why != null && (why.kind != Kind.STRING || why.text.isEmpty())) {
        throw error(why.index, "why: must be a non-empty string: the 文号 and the arithmetic");
      }
      List<Path> packs = new ArrayList<>();
      if (v.get("packs") != null) {
        List<String> given = strings(v.get("packs"), "packs");
        Path dir = path.getParent();
        for (int i = 0; i < given.size(); i++) {
          Path p = Path.of(given.get(i));
          Path resolved = (p.isAbsolute() || dir == null ? p : dir.resolve(p)).normalize();
          if (!Files.isRegularFile(resolved)) {
            throw error(v.get("packs").items.get(i).index, "packs[" + i + "]: no pack file '" + resolved + "'");
          }
          packs.add(resolved);
        }
      }
      String prefix = name != null ? "case '" + name.text + "': " : "";
      if (name == null) throw error(v.index, "name: is required");
      if (request == null) throw error(v.index, prefix + "request: is required");
      if (why == null) throw error(v.index, prefix + "why: is required (the 文号 or document, and the arithmetic)");
      if (expected.isEmpty() && cites.isEmpty()) {
        throw error(v.index, prefix + "expect: is required and must name at least one field");
      }
      int line = positions.line(v.index) + lineOffset;
      for (Case other : cases) {
        if (other.name.equals(name.text)) {
          throw error(v.index, "case '" + name.text + "' is already defined on line " + other.line);
        }
      }
      cases.add(new Case(name.text, file, line, request, expected, cites, why.text, packs));
    }

    static boolean validPath(String path) {
      if (path.isEmpty()) return false;
      for (String seg : path.split("\\.", -1)) if (seg.isEmpty()) return false;
      return true;
    }
  }

  // --- comparing ---------------------------------------------------------------------

  static String text(Node n) {
    return n == null ? "" : n.kind == Kind.STRING || n.kind == Kind.NUMBER ? n.text : CaseJson.dump(n);
  }

  static boolean resultOk(Node result) {
    Node ok = result.get("ok");
    return ok != null && ok.kind == Kind.BOOL && ok.bool;
  }

  /** The value at "results.1.error.code", or null. */
  static Node resolve(Node root, String path) {
    Node cur = root;
    for (String seg : path.split("\\.", -1)) {
      if (cur == null) return null;
      if (cur.kind == Kind.OBJECT) {
        cur = cur.members.get(seg);
      } else if (cur.kind == Kind.ARRAY && seg.matches("0|[1-9][0-9]{0,8}")) {
        int i = Integer.parseInt(seg);
        cur = i < cur.items.size() ? cur.items.get(i) : null;
      } else {
        return null;
      }
    }
    return cur;
  }

  static String hint(Node want, Node got) {
    if (want.kind == got.kind) return "";
    if (want.kind == Kind.NUMBER && got.kind == Kind.STRING) {
      return "the result gives a string: write the expected value in quotes";
    }
    if (want.kind == Kind.STRING && got.kind == Kind.NUMBER) {
      return "the result gives a number: write the expected value without quotes";
    }
    return "expected a " + CaseJson.typeName(want.kind) + ", the result has a " + CaseJson.typeName(got.kind);
  }

  static List<Mismatch> compare(Case c, Node result) {
    List<Mismatch> out = new ArrayList<>();
    boolean expectsOk = c.expect.stream().anyMatch(e -> e.getKey().equals("ok"));
    if (!expectsOk && !resultOk(result)) {
      Node ok = result.get("ok");
      out.add(new Mismatch("ok", "true", ok != null ? CaseJson.dump(ok) : null,
          "the request failed (error below); a case that expects an error says \"ok\": false"));
      return out;
    }
    for (Map.Entry<String, Node> e : c.expect) {
      Node got = resolve(result, e.getKey());
      if (got == null) {
        out.add(new Mismatch(e.getKey(), CaseJson.dump(e.getValue()), null, ""));
      } else if (!CaseJson.equal(e.getValue(), got)) {
        out.add(new Mismatch(e.getKey(), CaseJson.dump(e.getValue()), CaseJson.dump(got), hint(e.getValue(), got)));
      }
    }
    java.util.Set<String> cited = new java.util.HashSet<>();
    Node rules = result.get("rules");
    if (rules != null && rules.kind == Kind.ARRAY) {
      for (Node r : rules.items) {
        for (String key : new String[] {"id", "citation"}) {
          Node v = r.get(key);
          if (v != null && v.kind == Kind.STRING) cited.add(v.text);
        }
      }
    }
    for (String cite : c.cites) {
      if (!cited.contains(cite)) {
        out.add(new Mismatch("cites", CaseJson.dump(Node.string(cite)), null, "not among the result's rules"));
      }
    }
    return out;
  }

  // --- running -----------------------------------------------------------------------

  /** Runs the cases of the files (or directories) on new engines. */
  public static Report run(Path... files) {
    return run(new Options(), files);
  }

  /**
   * Runs the cases. A case with packs (or any case when {@link Options#pack} was
   * given) runs on an engine of its own with those packs loaded; the others on
   * {@link Options#engine} or a new engine. Engines made here are closed before
   * returning.
   *
   * @throws CaseFileException for a malformed case file or a pack that does not load
   * @throws IllegalArgumentException when the filter matches no case
   */
  public static Report run(Options options, Path... files) {
    List<Case> cases = load(files);
    if (options.filter != null) {
      cases = cases.stream().filter(c -> c.name.contains(options.filter)).toList();
      if (cases.isEmpty()) throw new IllegalArgumentException("no case name contains '" + options.filter + "'");
    }
    Map<List<Path>, Engine> engines = new HashMap<>();
    List<Engine> own = new ArrayList<>();
    try {
      List<Result> results = new ArrayList<>();
      for (Case c : cases) {
        List<Path> key = new ArrayList<>(c.packs);
        key.addAll(options.packs);
        Engine e = engines.get(key);
        if (e == null) {
          if (key.isEmpty() && options.engine != null) {
            e = options.engine;
          } else {
            e = Engine.create();
            own.add(e);
            for (Path p : key) {
              try {
                e.loadPackFile(p);
              } catch (SipolicyException err) {
                throw new CaseFileException(c.file, c.line, 0, "case '" + c.name
                    + "': its catalog could not be built: " + p + ": " + err.getMessage());
              }
            }
          }
          engines.put(key, e);
        }
        Node request = c.request;
        if (options.asOf != null && request.get("as_of") == null) {
          Node copy = new Node(Kind.OBJECT, request.index);
          copy.members.putAll(request.members);
          copy.members.put("as_of", Node.string(options.asOf));
          request = copy;
        }
        String out = e.callJson(CaseJson.dump(request));
        Node result;
        try {
          result = CaseJson.parse(out, false);
        } catch (CaseJson.SyntaxException err) {
          throw new IllegalStateException("the library's result is not JSON: " + err.getMessage(), err);
        }
        results.add(new Result(c, compare(c, result), result, out));
      }
      return new Report(results);
    } finally {
      for (Engine e : own) e.close();
    }
  }

  /**
   * {@code java -cp sipolicy.jar cn.sipolicy.Cases [--json] [-v] [--filter TEXT]
   * [--pack FILE]... [--as-of DATE] CASES...}: the report of {@code sipolicy test};
   * exit 0 all passed, 1 some failed, 2 a bad case file or option.
   */
  public static void main(String[] args) {
    // UTF-8 whatever the locale: the report quotes 文号 and Chinese names.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(runMain(args, out, err));
  }

  static int runMain(String[] args, PrintStream out, PrintStream err) {
    Options o = new Options();
    boolean json = false;
    boolean verbose = false;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      boolean needsValue = a.equals("--filter") || a.equals("--pack") || a.equals("--as-of");
      if (needsValue && i + 1 >= args.length) {
        err.println("cn.sipolicy.Cases: " + a + " needs a value");
        return 2;
      }
      switch (a) {
        case "--json": json = true; break;
        case "-v": case "--verbose": verbose = true; break;
        case "--filter": o.filter(args[++i]); break;
        case "--pack": o.pack(Path.of(args[++i])); break;
        case "--as-of": o.asOf(args[++i]); break;
        default:
          if (a.startsWith("-")) {
            err.println("cn.sipolicy.Cases: unknown option '" + a + "'");
            return 2;
          }
          files.add(Path.of(a));
      }
    }
    if (files.isEmpty()) {
      err.println("usage: java cn.sipolicy.Cases [--json] [-v] [--filter TEXT] [--pack FILE]... "
          + "[--as-of DATE] CASES...");
      return 2;
    }
    Report report;
    try {
      report = run(o, files.toArray(new Path[0]));
    } catch (CaseFileException | IllegalArgumentException e) {
      err.println("cn.sipolicy.Cases: " + e.getMessage());
      return 2;
    }
    for (Result r : report.results()) {
      if (json) {
        out.println(r.toJson());
      } else if (!r.passed()) {
        out.println(r.describe());
      } else if (verbose) {
        out.println("ok   " + r.kase().file() + ":" + r.kase().line() + ": " + r.kase().name());
      }
    }
    out.println(json ? "{\"passed\":" + report.passed() + ",\"failed\":" + report.failed() + "}"
        : report.passed() + " passed, " + report.failed() + " failed");
    out.flush();
    return report.ok() ? 0 : 1;
  }
}
