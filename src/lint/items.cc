// items.cc — the rules of a catalog seen uniformly by the lint checks: for
// each pack section, how its rules are dated, what their scope is (atoms) and
// what their value is. docs/lint.md ("Which sections") mirrors the table.
#include <string>
#include <vector>

#include "lint_internal.hpp"
#include "sipolicy/enum_set.hpp"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy::lint {
namespace {

using internal::Cat;

constexpr TimeUnit kNone = TimeUnit::kNone, kMonth = TimeUnit::kMonth, kDay = TimeUnit::kDay,
                   kYear = TimeUnit::kYear;

const Date kOpenDate(kMaxYear, 12, 31);

// The members' names in enum order: "large,small".
template <class E, class B>
std::string Names(EnumSet<E, B> s, std::string_view (*name)(E)) {
  std::string out;
  for (E e : s) out += Cat(out.empty() ? "" : ",", name(e));
  return out;
}

// Atoms of a product of two sets: "sme/pension".
template <class E, class B, class F, class C>
std::vector<std::string> Product(EnumSet<E, B> a, std::string_view (*name_a)(E), EnumSet<F, C> b,
                                 std::string_view (*name_b)(F)) {
  std::vector<std::string> out;
  for (E i : a) {
    for (F j : b) out.push_back(Cat(name_a(i), "/", name_b(j)));
  }
  return out;
}
template <class E, class B>
std::vector<std::string> Each(EnumSet<E, B> s, std::string_view (*name)(E)) {
  std::vector<std::string> out;
  for (E e : s) out.emplace_back(name(e));
  return out;
}

Ratio OfMoney(Money m) {
  auto r = Ratio::FromFraction(m.fen(), 100);
  return r.ok() ? *r : Ratio::Integer(0);
}

class Collector {
 public:
  explicit Collector(std::vector<Item>* out) : out_(out) {}

  // Starts an item of `section` for `rule`.
  Item& Add(std::string_view section, const RuleHeader& rule) {
    Item& it = out_->emplace_back();
    it.section = FindSection(section);
    it.rule = &rule;
    it.atoms = {"*"};
    return it;
  }
  static void Months(Item& it, const PeriodRange& p) {
    it.first = Date(p.first.year(), p.first.month(), 1).days();
    it.open = p.last == kOpenEnd;
    it.last = it.open ? kOpenDate.days() : Date::LastDayOf(p.last).days();
  }
  static void Days(Item& it, Date from, Date until) {
    it.first = from.days();
    it.last = until.days();
    it.open = until == kOpenDate;
  }
  static void Years(Item& it, int first, int last) {
    it.first = Date(first, 1, 1).days();
    it.last = Date(last, 12, 31).days();
  }

 private:
  std::vector<Item>* out_;
};

}  // namespace

const std::vector<SectionSpec>& Sections() {
  // name, unit, time member, value member, overlap, gap, expiry
  static const std::vector<SectionSpec> kSections = {
      {"exemptions", kMonth, "periods", "ratio", true, true, true},
      {"rates", kMonth, "periods", "rate", true, true, true},
      {"deferrals", kMonth, "periods", "", false, false, false},
      {"late_fees", kDay, "from", "daily_rate", true, true, true},
      {"rounding", kNone, "", "rule", true, false, false},
      {"notices", kMonth, "periods", "text", false, false, false},
      {"layoff_targets", kYear, "year", "rate", true, true, true},
      {"stable_job_refund_rates", kYear, "years", "rate", true, true, true},
      {"stable_job_refund_ceilings", kYear, "years", "max_rate", true, false, false},
      {"stable_job_refund_conditions", kYear, "years", "", true, true, true},
      {"refund_payees", kNone, "", "", true, false, false},
      {"difficult_enterprise_refunds", kYear, "years", "max_months", true, false, false},
      {"unemployment_benefit_levels", kYear, "year", "monthly", true, true, true},
      {"skill_subsidy_tiers", kNone, "", "amount", true, false, false},
      {"skill_subsidy_conditions", kDay, "from", "", true, true, true},
      {"work_training_subsidies", kMonth, "periods", "monthly_amount", true, false, false},
      {"social_insurance_subsidies", kNone, "", "max_ratio", true, false, false},
      {"retention_training_subsidies", kYear, "years", "per_employee", true, false, false},
      {"job_expansion_subsidies", kYear, "years", "per_hire", true, false, false},
      {"entrepreneurship_subsidies", kNone, "", "max_per_grant", true, false, false},
      {"enterprise_size_thresholds", kNone, "", "", true, false, false},
      {"collection_targets", kYear, "year", "", true, true, false},
      {"skill_subsidy_date_basis", kNone, "", "", true, false, false},
      {"overpayment_settlements", kNone, "", "", true, false, false},
      {"offset_funds", kNone, "", "", true, false, false},
  };
  return kSections;
}

const SectionSpec* FindSection(std::string_view name) {
  for (const SectionSpec& s : Sections()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string FormatDay(TimeUnit unit, std::int32_t day) {
  const Date d = Date::FromDays(day);
  switch (unit) {
    case TimeUnit::kMonth: return d.period().ToString();
    case TimeUnit::kYear: return Cat(d.year());
    case TimeUnit::kDay:
    case TimeUnit::kNone: break;
  }
  return d.ToString();
}

std::string FormatExtent(const Item& item) {
  const TimeUnit u = item.section->unit;
  if (u == TimeUnit::kYear && item.first == Date(Date::FromDays(item.last).year(), 1, 1).days()) {
    return FormatDay(u, item.first);
  }
  return Cat(FormatDay(u, item.first), "..", item.open ? "(open)" : FormatDay(u, item.last));
}

std::vector<Item> CollectItems(const Catalog& cat) {
  std::vector<Item> out;
  Collector c(&out);
  for (const auto& w : cat.exemptions()) {
    Item& it = c.Add("exemptions", w);
    Collector::Months(it, w.periods);
    it.atoms = Product(w.classes, ReliefClassName, w.insurances, InsuranceName);
    it.value = Cat("ratio ", w.ratio.ToString());
    it.grants_nothing = w.ratio.is_zero();
  }
  for (const auto& r : cat.rates()) {
    Item& it = c.Add("rates", r);
    Collector::Months(it, r.periods);
    it.atoms = {Cat(InsuranceName(r.insurance), "/", r.is_total ? "total" : "employer")};
    it.value = Cat("rate ", r.rate.ToString());
  }
  for (const auto& w : cat.deferrals()) {
    Item& it = c.Add("deferrals", w);
    Collector::Months(it, w.periods);
    if (w.makeup_by) it.more_years.push_back(w.makeup_by->year());
    if (w.latest_start) it.more_years.push_back(w.latest_start->year());
  }
  for (const auto& f : cat.late_fees()) {
    Item& it = c.Add("late_fees", f);
    Collector::Days(it, f.from, f.until);
    it.value = Cat("daily rate ", f.daily_rate.ToString(), " ", DayCountName(f.day_count));
  }
  for (const auto& r : cat.rounding()) {
    Item& it = c.Add("rounding", r);
    it.atoms = {r.item};
    it.value = ToString(r.rule);
  }
  for (const auto& n : cat.notices()) {
    Item& it = c.Add("notices", n);
    Collector::Months(it, n.periods);
    it.value = n.text;
  }
  const EmploymentRules& e = cat.employment();
  for (const auto& t : e.layoff_targets) {
    Item& it = c.Add("layoff_targets", t);
    Collector::Years(it, t.year, t.year);
    it.value = Cat("target ", t.rate.ToString());
  }
  for (const auto& r : e.refund_rates) {
    Item& it = c.Add("stable_job_refund_rates", r);
    Collector::Years(it, r.years.first, r.years.last);
    it.atoms = Product(r.classes, RefundClassName, r.unit_types, UnitTypeName);
    it.value = Cat("rate ", r.rate.ToString(), r.top_up ? " with top-up" : "");
  }
  for (const auto& r : e.refund_ceilings) {
    Item& it = c.Add("stable_job_refund_ceilings", r);
    Collector::Years(it, r.years.first, r.years.last);
    it.atoms = Each(r.classes, RefundClassName);
    it.value = Cat("ceiling ", r.max_rate.ToString());
  }
  for (const auto& r : e.refund_conditions) {
    Item& it = c.Add("stable_job_refund_conditions", r);
    Collector::Years(it, r.years.first, r.years.last);
    it.value = Cat(r.months_required, " months paid, target of year ", r.target_year_offset >= 0 ? "+" : "",
                   r.target_year_offset, ", small units <= ", r.small_unit_max_insured, " insured at ",
                   r.small_unit_max_layoff_ratio.ToString(), ", exclusions ", int{r.exclusions.bits()});
  }
  for (const auto& r : e.refund_payees) {
    Item& it = c.Add("refund_payees", r);
    it.value = Cat("fallback sizes ", Names(r.fallback_sizes, UnitSizeName), " types ",
                   Names(r.fallback_types, UnitTypeName));
  }
  for (const auto& r : e.difficult_refunds) {
    Item& it = c.Add("difficult_enterprise_refunds", r);
    Collector::Years(it, r.years.first, r.years.last);
    it.value = Cat(DifficultBasisName(r.basis), " x ", r.max_months, " months");
  }
  for (const auto& b : e.benefit_levels) {
    Item& it = c.Add("unemployment_benefit_levels", b);
    Collector::Years(it, b.year, b.year);
    it.value = Cat("monthly ", b.monthly.ToString());
  }
  for (const auto& t : e.skill_tiers) {
    Item& it = c.Add("skill_subsidy_tiers", t);
    it.atoms = {std::string(SkillLevelName(t.level))};
    it.value = Cat("amount ", t.amount.ToString());
    it.limits = {{"amount", OfMoney(t.amount)}};
  }
  for (const auto& s : e.skill_conditions) {
    Item& it = c.Add("skill_subsidy_conditions", s);
    Collector::Days(it, s.from, s.until);
    it.value = Cat("insured ", s.min_insured_months, " months, beneficiaries ",
                   s.beneficiaries_eligible ? "yes" : "no", ", ", s.max_claims_per_year,
                   " claims a year, within ", s.apply_within_months, " months");
  }
  for (const auto& w : e.work_training) {
    Item& it = c.Add("work_training_subsidies", w);
    Collector::Months(it, w.periods);
    it.value = Cat("monthly ", w.monthly_amount ? w.monthly_amount->ToString() : "(provincial)",
                   " x ", w.max_months, " months");
  }
  for (const auto& s : e.social_insurance_subsidies) {
    Item& it = c.Add("social_insurance_subsidies", s);
    it.atoms = {std::string(TargetGroupName(s.group))};
    it.value = Cat("ratio ", s.max_ratio.ToString(), " x ", s.max_months, " months");
    it.limits = {{"max_ratio", s.max_ratio}, {"max_months", Ratio::Integer(s.max_months)}};
  }
  for (const auto& r : e.retention_training) {
    Item& it = c.Add("retention_training_subsidies", r);
    Collector::Years(it, r.years.first, r.years.last);
    it.atoms = Each(r.unit_types, UnitTypeName);
    it.value = Cat("per employee ", r.per_employee.ToString());
    it.limits = {{"per_employee", OfMoney(r.per_employee)}};
  }
  for (const auto& j : e.job_expansion) {
    Item& it = c.Add("job_expansion_subsidies", j);
    Collector::Years(it, j.years.first, j.years.last);
    it.atoms = Each(j.unit_types, UnitTypeName);
    it.value = Cat("per hire ", j.per_hire.ToString());
  }
  for (const auto& r : e.entrepreneurship) {
    Item& it = c.Add("entrepreneurship_subsidies", r);
    it.atoms = Product(EnumSet<EntrepreneurshipKind, std::uint8_t>{r.kind}, EntrepreneurshipKindName,
                       r.groups, TargetGroupName);
    it.value = Cat("cap ", r.max_per_grant.ToString());
  }
  for (const auto& t : e.size_thresholds) {
    Item& it = c.Add("enterprise_size_thresholds", t);
    it.atoms.clear();
    for (Sector s : t.sectors) it.atoms.emplace_back(SectorName(s));
    auto b = [](const SizeBounds& x) {
      return Cat(x.employees, "/", x.revenue.ToString(), "/", x.assets.ToString());
    };
    it.value = Cat("large ", b(t.large), ", medium ", b(t.medium), ", small ", b(t.small));
  }
  for (const auto& t : e.collection_targets) {
    Item& it = c.Add("collection_targets", t);
    Collector::Years(it, t.year, t.year);
    it.atoms = {Cat(CollectionUnitKindName(t.unit_kind), "/", CollectionLevelName(t.level))};
    it.value = Cat("clearance above ", t.clearance_above.ToString(), ", new arrears at most ",
                   t.new_arrears_at_most.ToString());
  }
  for (const auto& r : e.skill_date_rules) {
    Item& it = c.Add("skill_subsidy_date_basis", r);
    it.value = Cat(SkillDateBasisName(r.conditions), "/", SkillDateBasisName(r.beneficiaries));
  }
  for (const auto& s : e.settlements) {
    Item& it = c.Add("overpayment_settlements", s);
    it.value = Cat("sme batch refund ", s.sme_batch_refund ? "yes" : "no", ", later months only ",
                   s.offset_later_months_only ? "yes" : "no");
  }
  for (const auto& o : e.offset_funds) {
    Item& it = c.Add("offset_funds", o);
    it.value = Cat("across insurances ", o.across_insurances ? "yes" : "no");
  }
  return out;
}

}  // namespace sipolicy::lint
