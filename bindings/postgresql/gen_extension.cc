// sipolicy_pg_gen — writes the typed half of the PostgreSQL extension from the
// operation table (sipolicy::OperationDescriptions(), include/sipolicy/operations.hpp),
// so that every operation gets its SQL functions the day it is described:
//
//   sipolicy_pg_gen --sql OUT.sql --prologue sipolicy_base.sql --c OUT.c
//       OUT.sql: the prologue (the hand-written functions), then for each
//                operation a result type sipolicy.<op>_result and the
//                functions sipolicy.<op>(…) (errors raised) and
//                sipolicy.try_<op>(…) (errors returned in the row)
//       OUT.c:   the same operations as C tables (argument → request field,
//                result attribute → result field) and one entry point per
//                function, all calling pgsip_call() (pg_call.c)
//   sipolicy_pg_gen --markdown        the function list of docs/postgresql.md
//   sipolicy_pg_gen --check-doc FILE  exit 1 when FILE's generated part differs
//   sipolicy_pg_gen --write-doc FILE  rewrite it (target update_postgresql_doc)
//
// Mapping (docs/postgresql.md, "Types"): money → numeric (read and written
// through its exact text), ratio → numeric in / text out ("2/3" has no
// numeric), int → bigint, date → date, period/region/enum/text → text, an
// object's members flattened (unit.size → unit_size), lists of objects →
// jsonb, lists of names → text[], rules → text[] of 文号 (rule_details jsonb
// when `detail` is given). Required fields come first; optional ones default
// to NULL (= absent, the library's default applies).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "sipolicy/operations.hpp"

namespace {

using sipolicy::FieldDescription;
using sipolicy::FieldType;
using sipolicy::OperationDescription;

// One SQL argument: a request field (a path, "unit.size") and how it is sent.
struct Param {
  std::string path;       // "unit.size"
  std::string sql_name;   // "unit_size"
  std::string sql_type;   // "text"
  std::string kind;       // PGSIP_IN_* (pg_sipolicy.h)
  bool required = false;
  std::string meaning;
};

// One attribute of the result type and the result field it is read from.
struct Attr {
  std::string key;       // "due"; "" for the attributes the C side fills itself
  std::string sql_name;  // "due"
  std::string sql_type;  // "numeric"
  std::string kind;      // PGSIP_OUT_*
  std::string meaning;
};

struct Operation {
  std::string name;
  std::string summary;
  std::vector<Param> params;  // SQL argument order: required, then optional
  std::vector<Param> request_order;  // description order (an object's members together)
  std::vector<Attr> attrs;
};

[[noreturn]] void Fail(const std::string& what) {
  std::cerr << "sipolicy_pg_gen: " << what << "\n";
  std::exit(2);
}

std::string SqlName(std::string_view path) {
  std::string s(path);
  for (char& c : s) {
    if (c == '.') c = '_';
  }
  return s;
}

// A field type as an argument: its SQL type and C kind.
void InputType(const FieldDescription& f, Param& p) {
  switch (f.type) {
    case FieldType::kMoney: p.sql_type = "numeric"; p.kind = "PGSIP_IN_DECIMAL"; return;
    case FieldType::kRatio: p.sql_type = "numeric"; p.kind = "PGSIP_IN_DECIMAL"; return;
    case FieldType::kInt: p.sql_type = "bigint"; p.kind = "PGSIP_IN_INT"; return;
    case FieldType::kBool: p.sql_type = "boolean"; p.kind = "PGSIP_IN_BOOL"; return;
    case FieldType::kDate: p.sql_type = "date"; p.kind = "PGSIP_IN_DATE"; return;
    case FieldType::kText:
    case FieldType::kPeriod:
    case FieldType::kRegion:
    case FieldType::kEnum: p.sql_type = "text"; p.kind = "PGSIP_IN_TEXT"; return;
    case FieldType::kList:
    case FieldType::kAny: p.sql_type = "jsonb"; p.kind = "PGSIP_IN_JSON"; return;
    case FieldType::kObject: break;
  }
  Fail("no SQL type for the object " + std::string(f.name));
}

// A result field as an attribute.
void OutputType(const FieldDescription& f, Attr& a) {
  switch (f.type) {
    case FieldType::kMoney: a.sql_type = "numeric"; a.kind = "PGSIP_OUT_NUMERIC"; return;
    case FieldType::kInt: a.sql_type = "bigint"; a.kind = "PGSIP_OUT_INT"; return;
    case FieldType::kBool: a.sql_type = "boolean"; a.kind = "PGSIP_OUT_BOOL"; return;
    case FieldType::kDate: a.sql_type = "date"; a.kind = "PGSIP_OUT_DATE"; return;
    case FieldType::kRatio:  // "2/3" is no numeric: ratios stay text
    case FieldType::kText:
    case FieldType::kPeriod:
    case FieldType::kRegion:
    case FieldType::kEnum: a.sql_type = "text"; a.kind = "PGSIP_OUT_TEXT"; return;
    case FieldType::kList:
      if (f.item_type == FieldType::kObject) break;
      a.sql_type = "text[]";
      a.kind = "PGSIP_OUT_TEXT_LIST";
      return;
    case FieldType::kObject:
    case FieldType::kAny: break;
  }
  a.sql_type = "jsonb";
  a.kind = "PGSIP_OUT_JSON";
}

// The request's envelope fields the typed functions leave to sipolicy.eval:
// the op is the function, an id has nothing to echo into, a trace is JSON.
bool EnvelopeOnly(std::string_view name) { return name == "op" || name == "id" || name == "explain"; }

void FlattenRequest(std::span<const FieldDescription> fields, const std::string& prefix,
                    bool parent_required, std::vector<Param>& out) {
  for (const FieldDescription& f : fields) {
    if (prefix.empty() && EnvelopeOnly(f.name)) continue;
    const std::string path = prefix + std::string(f.name);
    if (f.type == FieldType::kObject) {
      if (prefix.find('.') != std::string::npos) Fail("objects nested twice: " + path);
      FlattenRequest(f.fields, path + ".", parent_required && f.required, out);
      continue;
    }
    Param p;
    p.path = path;
    p.sql_name = SqlName(path);
    p.required = parent_required && f.required;
    p.meaning = std::string(f.meaning);
    InputType(f, p);
    out.push_back(p);
  }
}

Operation Build(const OperationDescription& d) {
  Operation op;
  op.name = std::string(d.name);
  op.summary = std::string(d.summary);
  FlattenRequest(d.request, "", true, op.request_order);
  // as_of and detail (the envelope's) go last, after the operation's own optional fields.
  auto envelope = [](const Param& p) { return p.path == "as_of" || p.path == "detail"; };
  for (const Param& p : op.request_order) {
    if (p.required) op.params.push_back(p);
  }
  for (const Param& p : op.request_order) {
    if (!p.required && !envelope(p)) op.params.push_back(p);
  }
  for (const Param& p : op.request_order) {
    if (!p.required && envelope(p)) op.params.push_back(p);
  }
  std::set<std::string> names;
  for (const Param& p : op.params) {
    if (!names.insert(p.sql_name).second) Fail(op.name + ": two arguments named " + p.sql_name);
  }
  for (const FieldDescription& f : d.result) {
    const std::string_view n = f.name;
    // id and ok are the envelope; trace is for sipolicy.eval; catalog and
    // sipolicy (the version) are filled below whether described or not.
    if (n == "id" || n == "ok" || n == "trace" || n == "catalog" || n == "sipolicy") continue;
    Attr a;
    a.key = std::string(n);
    a.sql_name = std::string(n);
    a.meaning = std::string(f.meaning);
    if (n == "rules") {
      a.sql_type = "text[]";
      a.kind = "PGSIP_OUT_RULES";
      a.meaning = "the documents (文号) the result rests on, each once, in the order cited";
      op.attrs.push_back(a);
      a.sql_name = "rule_details";
      a.sql_type = "jsonb";
      a.kind = "PGSIP_OUT_RULE_DETAILS";
      a.meaning = "the rules as the JSON result gives them; only when the detail argument is given "
                  "('compact' or 'full'), else NULL";
      op.attrs.push_back(a);
      continue;
    }
    OutputType(f, a);
    op.attrs.push_back(a);
  }
  op.attrs.push_back({"catalog", "catalog", "text", "PGSIP_OUT_TEXT",
                      "the first 16 hex digits of the catalog hash the row was computed with "
                      "(sipolicy.catalog_hash())"});
  op.attrs.push_back({"", "error_code", "text", "PGSIP_OUT_ERROR_CODE",
                      "try_ functions: the library's error code (invalid_argument, out_of_range, "
                      "not_found, …); NULL when the row was evaluated"});
  op.attrs.push_back({"", "error_field", "text", "PGSIP_OUT_ERROR_FIELD",
                      "try_ functions: the request field that is wrong (\"base\", \"unit.size\"), "
                      "'' when none"});
  op.attrs.push_back({"", "error_message", "text", "PGSIP_OUT_ERROR_MESSAGE",
                      "try_ functions: what is wrong, in English"});
  names.clear();
  for (const Attr& a : op.attrs) {
    if (!names.insert(a.sql_name).second) Fail(op.name + ": two result attributes named " + a.sql_name);
  }
  return op;
}

std::vector<Operation> Operations() {
  std::vector<Operation> ops;
  for (const OperationDescription& d : sipolicy::OperationDescriptions()) ops.push_back(Build(d));
  return ops;
}

// The planner's cost of one call, in cpu_operator_cost units (a simple operator
// is 1): a call takes some microseconds, hundreds of times an operator, and
// with the default cost of 1 the planner would not think a large table worth
// splitting across parallel workers.
constexpr int kCallCost = 500;

std::string Quote(std::string_view ident) { return "\"" + std::string(ident) + "\""; }

std::string Literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// `s` (UTF-8) as the inside of a JSON string in ASCII: non-ASCII characters
// as \uXXXX (surrogate pairs beyond the BMP), for sipolicy.comment_on.
std::string JsonAscii(std::string_view s) {
  std::string out;
  char buf[16];
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '"' || c == '\\') out += '\\';
      if (c < 0x20) {
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (i + static_cast<std::size_t>(n) > s.size()) Fail("bad UTF-8 in a description");
    unsigned cp = c & (n == 4 ? 0x07u : n == 3 ? 0x0Fu : 0x1Fu);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    i += static_cast<std::size_t>(n);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
    } else {
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    }
    out += buf;
  }
  return out;
}

// A COMMENT statement through sipolicy.comment_on, the text dollar-quoted.
std::string Comment(const std::string& target, std::string_view text) {
  if (JsonAscii(text).find("$c$") != std::string::npos) Fail("a description holds $c$");
  return "SELECT sipolicy.comment_on(" + Literal(target) + ", $c$" + JsonAscii(text) + "$c$);\n";
}

std::string CString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string ArgTypes(const Operation& op) {
  std::string s;
  for (const Param& p : op.params) s += (s.empty() ? "" : ", ") + p.sql_type;
  return s;
}

std::string Signature(const Operation& op, const std::string& fn, bool with_defaults) {
  std::string s = "sipolicy." + fn + "(";
  for (std::size_t i = 0; i < op.params.size(); ++i) {
    const Param& p = op.params[i];
    s += (i ? ", " : "") + Quote(p.sql_name) + " " + p.sql_type;
    if (with_defaults && !p.required) s += " DEFAULT NULL";
  }
  return s + ")";
}

void WriteSql(std::ostream& out, const std::vector<Operation>& ops) {
  out << "\n-- ---------------------------------------------------------------------------\n"
         "-- Generated by bindings/postgresql/gen_extension.cc from the operation table:\n"
         "-- one result type and two functions per operation.\n";
  for (const Operation& op : ops) {
    const std::string type = "sipolicy." + op.name + "_result";
    out << "\n-- " << op.name << "\nCREATE TYPE " << type << " AS (\n";
    for (std::size_t i = 0; i < op.attrs.size(); ++i) {
      out << "  " << Quote(op.attrs[i].sql_name) << " " << op.attrs[i].sql_type
          << (i + 1 < op.attrs.size() ? ",\n" : ");\n");
    }
    out << Comment("TYPE " + type, "sipolicy." + op.name + ": " + op.summary);
    for (const Attr& a : op.attrs) out << Comment("COLUMN " + type + "." + Quote(a.sql_name), a.meaning);
    for (const bool lenient : {false, true}) {
      const std::string fn = (lenient ? "try_" : "") + op.name;
      out << "CREATE FUNCTION " << Signature(op, fn, true) << "\n  RETURNS " << type
          << "\n  AS 'MODULE_PATHNAME', 'sipolicy_pg_" << fn << "'"
          << "\n  LANGUAGE C STABLE PARALLEL SAFE CALLED ON NULL INPUT COST " << kCallCost << ";\n";
      out << Comment("FUNCTION sipolicy." + fn + "(" + ArgTypes(op) + ")",
                     op.summary + (lenient ? " (a bad row returns its error in error_code, error_field, "
                                             "error_message)"
                                           : " (a bad row raises an error)"));
    }
  }
}

void WriteSqlEnd(std::ostream& out) { out << "\nDROP FUNCTION sipolicy.comment_on(text, text);\n"; }

void WriteC(std::ostream& out, const std::vector<Operation>& ops) {
  out << "/* Generated by bindings/postgresql/gen_extension.cc from the operation table; do not edit.\n"
         " * Each operation: its arguments (SQL order) with the request field each fills,\n"
         " * the request's field order, and its result attributes. */\n"
         "#include \"pg_sipolicy.h\"\n\n";
  for (const Operation& op : ops) {
    out << "static const pgsip_param " << op.name << "_params[] = {\n";
    for (const Param& p : op.params) {
      out << "    {" << CString(p.path) << ", " << p.kind << "},\n";
    }
    out << "};\nstatic const int " << op.name << "_request_order[] = {";
    for (std::size_t i = 0; i < op.request_order.size(); ++i) {
      std::size_t arg = 0;
      while (op.params[arg].path != op.request_order[i].path) ++arg;
      out << (i ? ", " : "") << arg;
    }
    out << "};\nstatic const pgsip_attr " << op.name << "_attrs[] = {\n";
    for (const Attr& a : op.attrs) {
      out << "    {" << CString(a.key) << ", " << a.kind << "},\n";
    }
    out << "};\n\n";
  }
  out << "const pgsip_operation pgsip_operations[] = {\n";
  for (const Operation& op : ops) {
    out << "    {" << CString(op.name) << ", " << op.params.size() << ", " << op.name << "_params, "
        << op.name << "_request_order, " << op.attrs.size() << ", " << op.name << "_attrs},\n";
  }
  out << "};\nconst int pgsip_operation_count = " << ops.size() << ";\n";
  for (std::size_t i = 0; i < ops.size(); ++i) {
    for (const bool lenient : {false, true}) {
      const std::string fn = "sipolicy_pg_" + std::string(lenient ? "try_" : "") + ops[i].name;
      out << "\nPG_FUNCTION_INFO_V1(" << fn << ");\nDatum " << fn << "(PG_FUNCTION_ARGS) {\n"
          << "  return pgsip_call(fcinfo, &pgsip_operations[" << i << "], " << (lenient ? "true" : "false")
          << ");\n}\n";
    }
  }
}

// The function list of docs/postgresql.md, between its markers.
constexpr std::string_view kDocBegin = "<!-- BEGIN generated by sipolicy_pg_gen --markdown -->\n";
constexpr std::string_view kDocEnd = "<!-- END generated -->\n";

// Items joined with ", ", broken before an item that would pass column 100;
// continuation lines start with `indent`.
std::string Wrap(const std::string& head, const std::vector<std::string>& items, const std::string& indent,
                 const std::string& tail) {
  std::string out = head, line_start_pad;
  std::size_t column = head.size();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string piece = items[i] + (i + 1 < items.size() ? "," : tail);
    if (i > 0 && column + 1 + piece.size() > 100) {
      out += "\n" + indent;
      column = indent.size();
    } else if (i > 0) {
      out += " ";
      ++column;
    }
    out += piece;
    column += piece.size();
  }
  return out;
}

// A name as SQL needs it written: quoted when it is a reserved word.
std::string DocName(const std::string& name) {
  static const std::set<std::string> kReserved = {"group", "order", "from", "to", "user", "default",
                                                  "offset", "limit", "table", "end", "check", "all"};
  return kReserved.count(name) ? Quote(name) : name;
}

std::string Markdown(const std::vector<Operation>& ops) {
  std::ostringstream out;
  out << kDocBegin;
  for (const Operation& op : ops) {
    std::vector<std::string> args, attrs;
    for (const Param& p : op.params) {
      args.push_back(DocName(p.sql_name) + " " + p.sql_type + (p.required ? "" : " DEFAULT NULL"));
    }
    for (const Attr& a : op.attrs) {
      if (a.kind.rfind("PGSIP_OUT_ERROR", 0) == 0 || a.sql_name == "catalog" || a.sql_name == "rule_details") continue;
      attrs.push_back(DocName(a.sql_name) + " " + a.sql_type);
    }
    const std::string head = "sipolicy." + op.name + "(";
    out << "\n#### `" << op.name << "`: " << op.summary << "\n\n```sql\n"
        << Wrap(head, args, std::string(head.size(), ' '), ")") << "\n"
        << Wrap("  RETURNS sipolicy." + op.name + "_result  -- ", attrs, "  -- ", ", …") << "\n```\n";
  }
  out << "\nEvery result type ends in `rule_details jsonb, catalog text, error_code text,\n"
         "error_field text, error_message text`; `sipolicy.try_<op>` takes the same arguments.\n\n"
      << kDocEnd;
  return out.str();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) Fail("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  std::string sql, prologue, c_out, check_doc, write_doc;
  bool markdown = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Fail(a + " needs a value");
      return argv[++i];
    };
    if (a == "--sql") sql = value();
    else if (a == "--prologue") prologue = value();
    else if (a == "--c") c_out = value();
    else if (a == "--markdown") markdown = true;
    else if (a == "--check-doc") check_doc = value();
    else if (a == "--write-doc") write_doc = value();
    else Fail("unknown argument " + a);
  }
  const std::vector<Operation> ops = Operations();
  if (markdown) std::cout << Markdown(ops);
  for (const std::string& path : {check_doc, write_doc}) {
    if (path.empty()) continue;
    const std::string doc = ReadFile(path);
    const std::size_t b = doc.find(kDocBegin);
    const std::size_t e = doc.find(kDocEnd);
    if (b == std::string::npos || e == std::string::npos || e < b) Fail(path + ": no generated part");
    const std::string generated = Markdown(ops);
    if (doc.substr(b, e + kDocEnd.size() - b) == generated) continue;
    if (path == write_doc) {
      WriteFile(path, doc.substr(0, b) + generated + doc.substr(e + kDocEnd.size()));
      continue;
    }
    std::cerr << path << " lists other functions than this build has: cmake --build <build dir> --target "
                 "update_postgresql_doc\n";
    return 1;
  }
  if (!sql.empty()) {
    std::ostringstream s;
    if (!prologue.empty()) s << ReadFile(prologue);
    WriteSql(s, ops);
    WriteSqlEnd(s);
    WriteFile(sql, s.str());
  }
  if (!c_out.empty()) {
    std::ostringstream s;
    WriteC(s, ops);
    WriteFile(c_out, s.str());
  }
  return 0;
}
