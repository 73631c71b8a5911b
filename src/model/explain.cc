// Explanations: rules applied and readable steps; see sipolicy/explain.hpp.
#include "sipolicy/explain.hpp"

#include <algorithm>
#include <utility>

#include "employment/refund_reasons.hpp"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy {
namespace {

using internal::Cat;

// Every reason code an operation can return, read in Chinese, so that the
// docs, the traces and the tests use the same words. The 稳岗返还 refusals
// (public_institution among them) read from their own table,
// employment/refund_reasons.hpp.
constexpr std::pair<std::string_view, std::string_view> kReasonsZh[] = {
    // deferral (缓缴)
    {"no_deferral_window", "该所属期无缓缴政策"},
    {"industry_not_eligible", "所属行业不在适用行业范围内"},
    {"difficulty_not_declared", "未申报生产经营困难"},
    {"start_too_late", "开始缓缴的月份晚于政策允许的最晚月份"},
    {"beyond_max_months", "超出自首个缓缴月份起的最长缓缴月数"},
    // 技能提升补贴
    {"beneficiary_not_eligible", "取得证书时领取失业保险金人员尚不在申领范围内"},
    {"insured_months_below_minimum", "参加失业保险月数不足"},
    {"same_occupation_level_claimed", "同一职业同一等级已享受过补贴"},
    {"lower_than_claimed_level", "已享受更高等级补贴，不得申领低等级补贴"},
    {"yearly_claim_limit_reached", "本年度享受补贴次数已达上限"},
    {"application_too_late", "超过证书核发之日起的申领期限"},
    {"level_not_subsidized", "该等级证书在本地区无补贴标准"},
    // 以工代训, 社会保险补贴, 创业补贴, 留工培训补助
    {"employer_not_covered", "用人单位不是中小微企业"},
    {"target_group_not_covered", "人员类别不在补贴对象范围内"},
    {"contract_too_short", "劳动合同期限不足"},
    {"max_months_reached", "已达最长补贴月数"},
    {"no_full_month_worked", "未新增连续工作满1个月"},
    {"left_school_too_long_ago", "离校时间超过规定期限"},
    {"duration_exhausted", "补贴期限已用完"},
    {"already_received", "已享受过该项补助（每户限一次）"},
    // collection targets
    {"clearance_rate_not_above_target", "清欠率未超过目标"},
    {"new_arrears_ratio_above_target", "新欠比例超过目标"},
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
