// Explanations: rules applied and readable steps; see sipolicy/explain.hpp.
#include "sipolicy/explain.hpp"

#include <algorithm>
#include <utility>

#include "employment/refund_reasons.hpp"
#include "employment/subsidy_reasons.hpp"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy {
namespace {

using internal::Cat;

// The reason codes of deferrals and enterprise size, read in Chinese, so that
// the docs, the traces and the tests use the same words. The 稳岗返还
// refusals (public_institution among them) read from their own table,
// employment/refund_reasons.hpp; the subsidies' and the collection targets'
// from theirs, employment/subsidy_reasons.hpp.
constexpr std::pair<std::string_view, std::string_view> kReasonsZh[] = {
    // deferral (缓缴)
    {"no_deferral_window", "该所属期无缓缴政策"},
    {"industry_not_eligible", "所属行业不在适用行业范围内"},
    {"difficulty_not_declared", "未申报生产经营困难"},
    {"start_too_late", "开始缓缴的月份晚于政策允许的最晚月份"},
    {"beyond_max_months", "超出自首个缓缴月份起的最长缓缴月数"},
    {"micro_below_small", "至少一项指标低于小型企业下限，划为微型企业"},
};

std::string_view SizeZh(std::string_view size) {
  if (size == "large") return "大型";
  if (size == "medium") return "中型";
  if (size == "small") return "小型";
  if (size == "micro") return "微型";
  return "";
}

std::string_view MeasureZh(std::string_view m) {
  if (m == "employees") return "从业人员";
  if (m == "revenue") return "营业收入";
  if (m == "assets") return "资产总额";
  return "";
}

}  // namespace

void Explanation::Rule(const RuleHeader& rule) {
  for (const auto& r : rules_) {
    if (r.id == rule.id) return;
  }
  AppliedRule a;
  a.id = rule.id;
  a.region = rule.region.ToString();
  a.note = rule.note;
  a.note_zh = rule.note_zh;
  if (rule.document != nullptr) {
    const Document& d = *rule.document;
    a.citation = d.number;
    a.issuer = d.issuer;
    a.title = d.title;
    a.issued = d.issued.ToString() + (d.issued_approximate ? "≈" : "");
    a.verified = d.verified;
    if (!d.note.empty()) a.note = a.note.empty() ? d.note : a.note + " | " + d.note;
    if (!d.note_zh.empty()) a.note_zh = a.note_zh.empty() ? d.note_zh : a.note_zh + "｜" + d.note_zh;
  }
  rules_.push_back(std::move(a));
}

void Explanation::RulesFrom(const Explanation& other) {
  for (const auto& a : other.rules_) {
    if (!Cites(a.id)) rules_.push_back(a);
  }
}

bool Explanation::Cites(std::string_view rule_id) const {
  return std::any_of(rules_.begin(), rules_.end(),
                     [&](const AppliedRule& r) { return r.id == rule_id; });
}

void Explanation::Step(std::string en, std::string zh, std::string rule_id) {
  steps_.push_back(TraceStep{std::move(en), std::move(zh), std::move(rule_id)});
}

std::string Explanation::Render(Language lang) const {
  std::string out;
  int n = 0;
  for (const auto& s : steps_) {
    ++n;
    if (lang != Language::kChinese) out += Cat(n, ". ", s.en, "\n");
    if (lang != Language::kEnglish) {
      out += Cat(lang == Language::kBoth ? "   " : Cat(n, ". "), s.zh, "\n");
    }
    if (!s.rule_id.empty()) {
      for (const auto& r : rules_) {
        if (r.id == s.rule_id) out += Cat("   [", r.citation, "]\n");
      }
    }
  }
  if (rules_.empty()) return out;
  const bool zh = lang == Language::kChinese;
  out += zh ? "依据:\n" : (lang == Language::kEnglish ? "Rules applied:\n" : "Rules applied / 依据:\n");
  for (const auto& r : rules_) {
    if (zh) {
      out += Cat("  - ", r.citation, " ", r.issuer, "《", r.title, "》，", r.issued, " 发布，适用地区 ",
                 r.region, "（规则 ", r.id, "）");
      if (!r.verified) out += "【待核实】";
    } else {
      out += Cat("  - ", r.citation, " ", r.issuer, "《", r.title, "》 issued ", r.issued,
                 ", region ", r.region, " (rule ", r.id, ")");
      if (!r.verified) out += " [unverified]";
    }
    out += "\n";
    // Each language has its own note ("note" / "note_zh" in the pack); a
    // Chinese rendering never shows the English one.
    if (zh) {
      if (!r.note_zh.empty()) {
        out += Cat("    说明：", r.note_zh, "\n");
      } else if (!r.verified) {
        out += "    说明：该文件的文号、标题、日期或数值尚待与原文核对\n";
      }
    } else if (!r.note.empty()) {
      out += Cat("    note: ", r.note, "\n");
    }
  }
  return out;
}

std::string RoundingNameZh(const RoundingRule& rule) {
  std::string_view mode;
  switch (rule.mode) {
    case RoundingMode::kUp: mode = "向远离零方向进位"; break;
    case RoundingMode::kDown: mode = "截尾舍去"; break;
    case RoundingMode::kCeiling: mode = "向上取整"; break;
    case RoundingMode::kFloor: mode = "向下取整"; break;
    case RoundingMode::kHalfUp: mode = "四舍五入"; break;
    case RoundingMode::kHalfDown: mode = "五舍六入"; break;
    case RoundingMode::kHalfEven: mode = "四舍六入五成双"; break;
    case RoundingMode::kUnnecessary: mode = "不舍入（须恰好整除）"; break;
  }
  switch (rule.scale) {
    case 2: return Cat(mode, "到分");
    case 1: return Cat(mode, "到角");
    case 0: return Cat(mode, "到元");
    default: break;
  }
  if (rule.scale > 0) return Cat(mode, "保留", rule.scale, "位小数");
  std::string unit = "1";
  for (int i = 0; i < -rule.scale; ++i) unit += "0";
  return Cat(mode, "到", unit, "元");
}

std::string PercentForTrace(Ratio r) {
  auto x = Multiply(Exact::Of(r), Exact::Integer(100));
  if (!x.ok()) return r.ToString();
  auto d = Round(*x, RoundingRule{4, RoundingMode::kHalfUp});
  if (!d.ok()) return r.ToString();
  std::string t = d->ToString();
  if (t.find('.') != std::string::npos) {
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
  }
  return t + "%";
}

std::string ReasonNameZh(std::string_view code) {
  for (const auto& [c, zh] : kReasonsZh) {
    if (c == code) return std::string(zh);
  }
  for (const auto& row : internal::kRefundReasonNames) {
    if (row.code == code) return std::string(row.zh);
  }
  std::string_view zh;
  auto find = [&](const auto& rows) {
    for (const auto& row : rows) {
      if (zh.empty() && row.code == code) zh = row.zh;
    }
  };
  find(internal::kSkillRefusals);
  find(internal::kWorkTrainingRefusals);
  find(internal::kSocialInsuranceRefusals);
  find(internal::kPerHeadRefusals);
  find(internal::kEntrepreneurshipRefusals);
  find(internal::kCollectionMisses);
  if (!zh.empty()) return std::string(zh);
  // Enterprise size: "employees_below_large", "all_medium_bounds_met".
  if (code.starts_with("all_") && code.ends_with("_bounds_met")) {
    std::string_view size = code.substr(4, code.size() - 4 - 11);
    if (!SizeZh(size).empty()) return Cat("同时满足", SizeZh(size), "企业各项指标下限");
  }
  if (const auto at = code.find("_below_"); at != std::string_view::npos) {
    std::string_view m = code.substr(0, at), size = code.substr(at + 7);
    if (!MeasureZh(m).empty() && !SizeZh(size).empty()) {
      return Cat(MeasureZh(m), "低于", SizeZh(size), "企业下限");
    }
  }
  return "";
}

std::string ReasonsZh(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    std::string zh = ReasonNameZh(c);
    out += Cat(out.empty() ? "" : "；", zh.empty() ? std::string("不符合条件") : zh);
  }
  return out;
}

}  // namespace sipolicy
