// Strict typed reading of JSON objects; see sipolicy/internal/reader.hpp.
#include "sipolicy/internal/reader.hpp"

#include <algorithm>

#include "absl/strings/cord.h"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy::internal {
namespace {
constexpr char kFieldPayload[] = "sipolicy.field";

std::string StatusText(const absl::Status& s) { return std::string(s.message()); }
}  // namespace

absl::Status ToStatus(const ReadError& e, std::string_view source) {
  std::string msg;
  if (!source.empty()) {
    msg = Cat(source, ":", e.line, ":", e.column, ": ");
    if (!e.field.empty()) msg += Cat(e.field, ": ");
  }
  msg += e.message;
  absl::Status s(e.code, msg);
  return WithField(std::move(s), e.field);
}

absl::Status WithField(absl::Status s, std::string_view field) {
  if (!s.ok() && !field.empty()) s.SetPayload(kFieldPayload, absl::Cord(std::string(field)));
  return s;
}

absl::Status AsParseError(absl::Status s) {
  if (!s.ok()) s.SetPayload("sipolicy.parse_error", absl::Cord("1"));
  return s;
}

bool IsParseError(const absl::Status& s) {
  return s.GetPayload("sipolicy.parse_error").has_value();
}

std::string FieldOf(const absl::Status& s) {
  auto p = s.GetPayload(kFieldPayload);
  return p.has_value() ? std::string(*p) : std::string();
}

ObjectReader::ObjectReader(const json::Value& value, std::string path, ReadError* error)
    : value_(value), path_(std::move(path)), error_(error) {
  if (value_.type() != json::Type::kObject) {
    Fail(value_, "", Cat("expected an object, found ", json::TypeName(value_.type())));
  }
}

std::string ObjectReader::FieldPath(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  if (key.empty()) return path_;
  return Cat(path_, ".", key);
}

void ObjectReader::Fail(const json::Value& at, std::string_view field, std::string message,
                        absl::StatusCode code) {
  if (!error_->message.empty()) return;  // keep the first error
  error_->code = code;
  error_->field = FieldPath(field);
  error_->message = std::move(message);
  error_->line = at.line();
  error_->column = at.column();
}

const json::Value* ObjectReader::Get(std::string_view key, bool required) {
  if (value_.type() != json::Type::kObject) return nullptr;
  if (std::find(seen_.begin(), seen_.end(), key) == seen_.end()) seen_.emplace_back(key);
  const json::Value* v = value_.Find(key);
  if (v == nullptr && required) Fail(value_, key, "is required");
  return v;
}

bool ObjectReader::Finish() {
  if (value_.type() == json::Type::kObject) {
    for (const auto& [k, v] : value_.members()) {
      if (std::find(seen_.begin(), seen_.end(), k) == seen_.end()) {
        Fail(v, k, "unknown field");
        break;
      }
    }
  }
  return ok();
}

const json::Value* ObjectReader::DecimalText(std::string_view key, bool required,
                                             std::string* text) {
  const json::Value* v = Get(key, required);
  if (v == nullptr) return nullptr;
  if (v->type() == json::Type::kNumber || v->type() == json::Type::kString) {
    *text = v->number_text();
    return v;
  }
  Fail(*v, key, Cat("expected a decimal as a string or number, found ", json::TypeName(v->type())));
  return nullptr;
}

bool ObjectReader::Read(std::string_view key, std::string* out, bool required) {
  const json::Value* v = Get(key, required);
  if (v == nullptr) return false;
  if (v->type() != json::Type::kString) {
    Fail(*v, key, Cat("expected a string, found ", json::TypeName(v->type())));
    return false;
  }
  *out = v->string_value();
  return true;
}

bool ObjectReader::Read(std::string_view key, bool* out, bool required) {
  const json::Value* v = Get(key, required);
  if (v == nullptr) return false;
  if (v->type() != json::Type::kBool) {
    Fail(*v, key, Cat("expected true or false, found ", json::TypeName(v->type())));
    return false;
  }
  *out = v->bool_value();
  return true;
}

bool ObjectReader::Read(std::string_view key, std::int64_t* out, bool required, std::int64_t min,
                        std::int64_t max) {
  const json::Value* v = Get(key, required);
  if (v == nullptr) return false;
  auto d = v->type() == json::Type::kNumber ? ParseDecimalText(v->number_text())
                                            : absl::StatusOr<sipolicy::DecimalText>(absl::UnknownError(""));
  if (!d.ok() || d->scale != 0) {
    Fail(*v, key,
         v->type() == json::Type::kNumber
             ? Cat("expected an integer, found ", v->number_text())
             : Cat("expected an integer, found ", json::TypeName(v->type())));
    return false;
  }
  const std::int64_t n = d->negative ? -d->units : d->units;
  if (n < min || n > max) {
    Fail(*v, key, Cat("must be between ", min, " and ", max, ", found ", n),
         absl::StatusCode::kOutOfRange);
    return false;
  }
  *out = n;
  return true;
}

bool ObjectReader::Read(std::string_view key, int* out, bool required, int min, int max) {
  std::int64_t n = 0;
  if (!Read(key, &n, required, min, max)) return false;
  *out = static_cast<int>(n);
  return true;
}

bool ObjectReader::Read(std::string_view key, Money* out, bool required) {
  std::string text;
  const json::Value* v = DecimalText(key, required, &text);
  if (v == nullptr) return false;
  auto m = Money::Parse(text);
  if (!m.ok()) {
    Fail(*v, key, StatusText(m.status()), m.status().code());
    return false;
  }
  *out = *m;
  return true;
}

bool ObjectReader::Read(std::string_view key, Ratio* out, bool required) {
  std::string text;
  const json::Value* v = DecimalText(key, required, &text);
  if (v == nullptr) return false;
  auto r = Ratio::Parse(text);
  if (!r.ok()) {
    Fail(*v, key, StatusText(r.status()), r.status().code());
    return false;
  }
  *out = *r;
  return true;
}

bool ObjectReader::Read(std::string_view key, Period* out, bool required) {
  std::string text;
  if (!Read(key, &text, required)) return false;
  auto p = Period::Parse(text);
  if (!p.ok()) {
    Fail(*value_.Find(key), key, StatusText(p.status()));
    return false;
  }
  *out = *p;
  return true;
}

bool ObjectReader::Read(std::string_view key, Date* out, bool required) {
  std::string text;
  if (!Read(key, &text, required)) return false;
  auto d = Date::Parse(text);
  if (!d.ok()) {
    Fail(*value_.Find(key), key, StatusText(d.status()));
    return false;
  }
  *out = *d;
  return true;
}

bool ObjectReader::Read(std::string_view key, Region* out, bool required) {
  std::string text;
  if (!Read(key, &text, required)) return false;
  auto r = Region::Parse(text);
  if (!r.ok()) {
    Fail(*value_.Find(key), key, StatusText(r.status()));
    return false;
  }
  *out = *r;
  return true;
}

bool ObjectReader::Read(std::string_view key, Insurance* out, bool required) {
  std::string text;
  if (!Read(key, &text, required)) return false;
  auto i = ParseInsurance(text);
  if (!i.ok()) {
    Fail(*value_.Find(key), key, StatusText(i.status()));
    return false;
  }
  *out = *i;
  return true;
}

bool ObjectReader::Read(std::string_view key, std::vector<std::string>* out, bool required) {
  const json::Value* v = Get(key, required);
  if (v == nullptr) return false;
  if (v->type() != json::Type::kArray) {
    Fail(*v, key, Cat("expected an array of strings, found ", json::TypeName(v->type())));
    return false;
  }
  std::vector<std::string> items;
  for (const auto& item : v->items()) {
    if (item.type() != json::Type::kString) {
      Fail(item, key, "expected an array of strings");
      return false;
    }
    items.push_back(item.string_value());
  }
  *out = std::move(items);
  return true;
}

bool ObjectReader::Read(std::string_view key, InsuranceSet* out, bool required) {
  std::vector<std::string> names;
  if (!Read(key, &names, required)) return false;
  InsuranceSet set;
  for (const auto& n : names) {
    auto i = ParseInsurance(n);
    if (!i.ok()) {
      Fail(*value_.Find(key), key, StatusText(i.status()));
      return false;
    }
    set.insert(*i);
  }
  if (set.empty()) {
    Fail(*value_.Find(key), key, "must name at least one insurance");
    return false;
  }
  *out = set;
  return true;
}

bool ObjectReader::Read(std::string_view key, std::vector<Region>* out, bool required) {
  std::vector<std::string> codes;
  if (!Read(key, &codes, required)) return false;
  std::vector<Region> regions;
  for (const auto& c : codes) {
    auto r = Region::Parse(c);
    if (!r.ok()) {
      Fail(*value_.Find(key), key, StatusText(r.status()));
      return false;
    }
    regions.push_back(*r);
  }
  *out = std::move(regions);
  return true;
}

bool ObjectReader::Read(std::string_view key, RoundingRule* out, bool required) {
  std::string text;
  if (!Read(key, &text, required)) return false;
  auto r = ParseRoundingRule(text);
  if (!r.ok()) {
    Fail(*value_.Find(key), key, StatusText(r.status()));
    return false;
  }
  *out = *r;
  return true;
}

bool ObjectReader::Read(std::string_view key, PeriodRange* out, bool required) {
  const json::Value* v = Get(key, required);
  if (v == nullptr) return false;
  const auto& items = v->items();
  if (v->type() != json::Type::kArray || items.size() != 2 ||
      items[0].type() != json::Type::kString ||
      (items[1].type() != json::Type::kString && !items[1].is_null())) {
    Fail(*v, key, "expected [\"YYYY-MM\", \"YYYY-MM\"] (the second may be null: open-ended)");
    return false;
  }
  auto first = Period::Parse(items[0].string_value());
  if (!first.ok()) {
    Fail(items[0], key, StatusText(first.status()));
    return false;
  }
  Period last = kOpenEnd;
  if (!items[1].is_null()) {
    auto l = Period::Parse(items[1].string_value());
    if (!l.ok()) {
      Fail(items[1], key, StatusText(l.status()));
      return false;
    }
    last = *l;
  }
  if (last < *first) {
    Fail(*v, key, Cat("the range ends (", last.ToString(), ") before it starts (",
                      first->ToString(), ")"));
    return false;
  }
  *out = PeriodRange{*first, last};
  return true;
}

bool ObjectReader::Read(std::string_view key, Unit* out, bool required) {
  const json::Value* v = Get(key, required);
  if (v == nullptr) return false;
  ObjectReader r(*v, FieldPath(key), error_);
  Unit unit;
  std::string size, type = "enterprise";
  if (r.Read("size", &size)) {
    auto s = ParseUnitSize(size);
    if (!s.ok()) r.Fail(*v->Find("size"), "size", StatusText(s.status()));
    else unit.size = *s;
  }
  if (r.Read("type", &type, false)) {
    auto t = ParseUnitType(type);
    if (!t.ok()) r.Fail(*v->Find("type"), "type", StatusText(t.status()));
    else unit.type = *t;
  }
  r.Read("industry", &unit.industry, false);
  if (!r.Finish()) return false;
  *out = std::move(unit);
  return true;
}

bool ObjectReader::ReadArray(std::string_view key, bool required,
                             const std::function<void(const json::Value&, const std::string&)>& each) {
  const json::Value* v = Get(key, required);
  if (v == nullptr) return false;
  if (v->type() != json::Type::kArray) {
    Fail(*v, key, Cat("expected an array, found ", json::TypeName(v->type())));
    return false;
  }
  for (std::size_t i = 0; i < v->items().size() && ok(); ++i) {
    each(v->items()[i], Cat(FieldPath(key), "[", i, "]"));
  }
  return ok();
}

}  // namespace sipolicy::internal
