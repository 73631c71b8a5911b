// The bulletin summary of `sipolicy batch`; see summary.hpp.
#include "summary.hpp"

#include <algorithm>
#include <charconv>

#include "sipolicy/decimal.hpp"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy::cli {
namespace {

using internal::Cat;

std::string Digits(Int128 v) {  // v >= 0
  std::string s;
  do {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v > 0);
  std::reverse(s.begin(), s.end());
  return s;
}

// |v| / 10^places as a decimal with exactly `places` decimals.
std::string Fixed(Int128 v, int places) {
  const bool negative = v < 0;
  std::string d = Digits(negative ? -v : v);
  if (d.size() <= static_cast<std::size_t>(places)) d.insert(0, places + 1 - d.size(), '0');
  d.insert(d.size() - static_cast<std::size_t>(places), ".");
  return negative ? "-" + d : d;
}

// The insurances in the order the Ji'an bulletin lists them, with its names.
constexpr std::pair<std::string_view, std::string_view> kInsuranceColumns[] = {
    {"pension", "养老保险"}, {"work_injury", "工伤保险"}, {"unemployment", "失业保险"}};

std::string Pad(std::string_view s, std::size_t width) {
  // Chinese characters are 3 bytes and 2 columns wide.
  std::size_t cols = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++cols;
    } else if (c >= 0xE0) {
      cols += 2;
    }
  }
  return cols >= width ? std::string(s) : std::string(width - cols, ' ') + std::string(s);
}

}  // namespace

std::string YuanText(Int128 fen) { return Fixed(fen, 2); }

std::string WanText(Int128 fen) {
  // 0.01万元 = 100 yuan = 10^4 fen; half-up, away from zero.
  const bool negative = fen < 0;
  Int128 a = negative ? -fen : fen;
  Int128 q = a / 10000;
  if ((a % 10000) * 2 >= 10000) ++q;
  return Fixed(negative ? -q : q, 2);
}

Summary::Summary(const BatchForm& form, const HeaderMap& map, std::vector<OutCol> group_by)
    : form_(form), group_by_(std::move(group_by)), map_(map) {
  for (std::size_t i = 0; i < form.outputs.size(); ++i) {
    const FieldDescription& d = *form.outputs[i].desc;
    const std::string& name = form.outputs[i].name;
    if (d.type == FieldType::kMoney) money_.push_back(i);
    if (d.type == FieldType::kBool) bools_.push_back(i);
    if (d.type == FieldType::kEnum ||
        (d.type == FieldType::kList && d.item_type != FieldType::kObject)) {
      codes_.push_back(i);
    }
    if (name == "amount" && d.type == FieldType::kMoney) amount_ = static_cast<int>(i);
    if (name == "eligible" && d.type == FieldType::kBool) eligible_ = static_cast<int>(i);
    if (name == "relief" && d.type == FieldType::kMoney) relief_ = static_cast<int>(i);
  }
  auto column = [&](std::string_view path, FieldType type) {
    const int i = FindInput(form, path, false);
    return i >= 0 && form.inputs[static_cast<std::size_t>(i)].desc->type == type ? i : -1;
  };
  insured_ = column("insured", FieldType::kInt);
  period_ = column("period", FieldType::kPeriod);
  insurance_ = column("insurance", FieldType::kEnum);
  if (relief_ >= 0 && (period_ < 0 || insurance_ < 0)) relief_ = -1;
}

void Summary::Add(const RowOut& row) {
  AddTo(total_, row);
  if (!row.ok && failed_lines_.size() < 10) failed_lines_.push_back(row.line);
  if (group_by_.empty()) return;
  std::vector<std::string> key;
  key.reserve(group_by_.size());
  for (const OutCol& c : group_by_) key.emplace_back(CellText(row, c));
  AddTo(groups_[key], row);
}

void Summary::AddTo(Totals& t, const RowOut& row) const {
  if (t.money.empty()) {
    t.money.assign(money_.size(), 0);
    t.trues.assign(bools_.size(), 0);
    t.codes.resize(codes_.size());
  }
  ++t.rows;
  if (!row.ok) {
    ++t.failed;
    return;
  }
  ++t.ok;
  auto fen = [&](std::size_t output) -> Int128 {
    auto m = Money::Parse(row.results[output].text);
    return m.ok() ? Int128{m->fen()} : Int128{0};
  };
  for (std::size_t k = 0; k < money_.size(); ++k) t.money[k] += fen(money_[k]);
  for (std::size_t k = 0; k < bools_.size(); ++k) {
    if (row.results[bools_[k]].text == "true") ++t.trues[k];
  }
  for (std::size_t k = 0; k < codes_.size(); ++k) {
    std::string_view text = row.results[codes_[k]].text;
    if (form_.outputs[codes_[k]].desc->type == FieldType::kEnum) {
      if (!text.empty()) ++t.codes[k][std::string(text)];
      continue;
    }
    while (!text.empty()) {  // "a; b"
      const std::size_t sep = text.find("; ");
      ++t.codes[k][std::string(text.substr(0, sep))];
      text = sep == std::string_view::npos ? std::string_view() : text.substr(sep + 2);
    }
  }
  if (eligible_ >= 0 && row.results[static_cast<std::size_t>(eligible_)].text == "false") ++t.not_eligible;
  if (amount_ >= 0) {
    const Int128 a = fen(static_cast<std::size_t>(amount_));
    if (a > 0) {
      ++t.paid;
      t.paid_amount += a;
      if (insured_ >= 0) {
        const std::string_view s = InputCell(row, map_, static_cast<std::size_t>(insured_));
        long long n = 0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
        if (r.ec == std::errc() && r.ptr == s.data() + s.size()) {
          t.employees += n;
        } else {
          t.employees_unknown = true;
        }
      }
    }
  }
  if (relief_ >= 0) {
    t.relief[{std::string(InputCell(row, map_, static_cast<std::size_t>(period_))),
              std::string(InputCell(row, map_, static_cast<std::size_t>(insurance_)))}] +=
        fen(static_cast<std::size_t>(relief_));
  }
}

void Summary::RenderTotals(std::string& out, const Totals& t) const {
  out += Cat("  rows ", t.rows, ": ", t.ok, " ok, ", t.failed, " failed\n");
  for (std::size_t k = 0; k < money_.size(); ++k) {
    const Int128 v = t.money.empty() ? 0 : t.money[k];
    out += Cat("  ", form_.outputs[money_[k]].name, " ", YuanText(v), " yuan (", WanText(v), "万元)\n");
  }
  for (std::size_t k = 0; k < bools_.size(); ++k) {
    out += Cat("  ", form_.outputs[bools_[k]].name, " ", t.trues.empty() ? 0 : t.trues[k], " of ",
               t.ok, "\n");
  }
  if (amount_ >= 0) {
    const bool refund = form_.op->name.find("refund") != std::string_view::npos ||
                        form_.op->name.find("screening") != std::string_view::npos;
    out += Cat("  paid (amount > 0) ", t.paid, ", ", YuanText(t.paid_amount), " yuan");
    if (insured_ >= 0) {
      const std::string employees = t.employees_unknown ? "?" : Digits(t.employees);
      out += Cat(", employees covered ", employees, "\n  向", t.paid, "户", refund ? "企业返还稳岗资金" : "单位发放",
                 WanText(t.paid_amount), "万元，惠及职工", employees, "人");
    } else {
      out += Cat("\n  发放", t.paid, "笔，金额", WanText(t.paid_amount), "万元");
    }
    out += "\n";
  }
  for (std::size_t k = 0; k < codes_.size(); ++k) {
    const OutputField& f = form_.outputs[codes_[k]];
    const bool reasons = f.desc->type == FieldType::kList;
    if (t.codes.empty() || (reasons && t.codes[k].empty())) continue;
    out += reasons && eligible_ >= 0 ? Cat("  not eligible ", t.not_eligible, ", by reason:")
                                     : Cat("  ", f.name, ":");
    bool first = true;
    for (const auto& [code, n] : t.codes[k]) {
      out += Cat(first ? " " : "; ", code, " ", n);
      first = false;
    }
    out += "\n";
  }
  if (relief_ >= 0 && !t.relief.empty()) {
    // 吉安市人社局《简报》2020年第二期: relief by month, then by insurance.
    std::vector<std::string_view> insurances;
    for (const auto& [ins, zh] : kInsuranceColumns) {
      for (const auto& [k, v] : t.relief) {
        if (k.second == ins) {
          insurances.push_back(ins);
          break;
        }
      }
    }
    std::vector<std::string> others;  // names outside the bulletin's three, if any
    for (const auto& cell : t.relief) {
      const std::string& ins = cell.first.second;
      if (std::none_of(std::begin(kInsuranceColumns), std::end(kInsuranceColumns),
                       [&](const auto& c) { return c.first == ins; }) &&
          std::find(others.begin(), others.end(), ins) == others.end()) {
        others.push_back(ins);
      }
    }
    for (const auto& o : others) insurances.push_back(o);
    out += "  relief by month and insurance, 万元 (rounded half-up to 0.01; exact yuan above):\n";
    out += Cat("  ", Pad("所属期", 8), Pad("减免合计", 14));
    for (std::string_view ins : insurances) {
      std::string_view zh = ins;
      for (const auto& [e, z] : kInsuranceColumns) {
        if (e == ins) zh = z;
      }
      out += Pad(zh, 14);
    }
    out += "\n";
    std::map<std::string, std::map<std::string, Int128>> by_month;
    std::map<std::string, Int128> by_insurance;
    for (const auto& [k, v] : t.relief) {
      by_month[k.first][k.second] += v;
      by_insurance[k.second] += v;
    }
    auto line = [&](std::string_view label, const std::map<std::string, Int128>& cells) {
      Int128 sum = 0;
      for (const auto& [ins, v] : cells) sum += v;
      out += Cat("  ", Pad(label, 8), Pad(WanText(sum), 14));
      for (std::string_view ins : insurances) {
        auto it = cells.find(std::string(ins));
        out += Pad(WanText(it == cells.end() ? 0 : it->second), 14);
      }
      out += "\n";
    };
    for (const auto& [month, cells] : by_month) line(month, cells);
    line("合计", by_insurance);
  }
}

std::string Summary::Render() const {
  std::string out = Cat("sipolicy batch summary: ", form_.op->name, " (", form_.op->summary, ")\n");
  for (const auto& [key, t] : groups_) {
    out += "\n[";
    for (std::size_t k = 0; k < key.size(); ++k) {
      out += Cat(k ? ", " : "", group_by_[k].header, " ", key[k].empty() ? "(empty)" : key[k]);
    }
    out += "]\n";
    RenderTotals(out, t);
  }
  out += "\n[total]\n";
  RenderTotals(out, total_);
  if (!failed_lines_.empty()) {
    out += "  failed lines:";
    for (std::size_t k = 0; k < failed_lines_.size(); ++k) out += Cat(k ? ", " : " ", failed_lines_[k]);
    out += total_.failed > static_cast<long long>(failed_lines_.size()) ? ", …\n" : "\n";
  }
  return out;
}

}  // namespace sipolicy::cli
