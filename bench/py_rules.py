"""The rules as a Python analyst writes them: decimal.Decimal, ROUND_HALF_UP,
the year's figures in a small table. Shared by the three Python peers of the
benchmark (bench_python.py's "decimal" contender, peer_eval.py, peer_batch.py),
which must agree with sipolicy to the fen.
"""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO, HALF, ONE = Decimal(0), Decimal("0.5"), Decimal(1)

# --- 2020 contribution relief (人社部发〔2020〕11号, 49号) ----------------------
DEFAULT_RATES = {"pension": Decimal("0.16")}  # unemployment/work injury: the unit's own


def relief_ratio(region, size, unit_type, month):
    """SMEs and 个体工商户 exempt Feb–Dec; large units etc. halved Feb–Jun
    (exempt in 湖北); 机关事业单位 nothing."""
    if unit_type == "public_institution" or month < 2:
        return ZERO
    if unit_type == "individual_business" or (unit_type == "enterprise" and size != "large"):
        return ONE
    if month > 6:
        return ZERO
    return ONE if region.startswith("42") else HALF


def assess(region, size, unit_type, insurance, period, base, rate=None):
    """-> (due, relief, payable, ratio, rate) as Decimals, or None when no rate is known."""
    if rate is None:
        rate = DEFAULT_RATES.get(insurance)
        if rate is None:
            return None
    due = (base * rate).quantize(CENT, ROUND_HALF_UP)
    ratio = relief_ratio(region, size, unit_type, int(period[5:7]))
    relief = (due * ratio).quantize(CENT, ROUND_HALF_UP)
    return due, relief, due - relief, ratio, rate


# --- 2022 稳岗返还 (人社部发〔2022〕23号; large units 50% per 国发〔2022〕12号) ------
REFUND_RATES = {"large": Decimal("0.5"), "sme": Decimal("0.9")}
LAYOFF_TARGET = Decimal("0.055")       # 2021's surveyed unemployment target
SMALL_UNIT_INSURED, SMALL_UNIT_LIMIT = 30, Decimal("0.2")


def screen(size, unit_type, prior_year_paid, months_paid, layoffs, insured, arrears,
           dishonest, liquidation, zombie, already_refunded, has_public_account):
    """-> (eligible, amount, reasons, payee)."""
    if unit_type == "public_institution":
        return False, ZERO, ["public_institution"], "none"
    reasons = []
    if layoffs > LAYOFF_TARGET * insured:
        if insured > SMALL_UNIT_INSURED:
            reasons.append("layoff_rate_above_target")
        elif layoffs > SMALL_UNIT_LIMIT * insured:
            reasons.append("layoff_rate_above_small_unit_limit")
    if months_paid < 12:
        reasons.append("months_paid_below_required")
    for flag, name in ((arrears, "long_term_arrears"), (dishonest, "seriously_dishonest"),
                       (liquidation, "liquidation"), (zombie, "zombie_enterprise")):
        if flag:
            reasons.append(name)
    if reasons:
        return False, ZERO, reasons, "none"
    cls = "large" if size == "large" and unit_type != "individual_business" else "sme"
    entitlement = (prior_year_paid * REFUND_RATES[cls]).quantize(CENT, ROUND_HALF_UP)
    amount = max(entitlement - already_refunded, ZERO)
    if not amount:
        payee = "none"
    elif has_public_account:
        payee = "public_account"
    elif size in ("small", "micro") or unit_type == "individual_business":
        payee = "contribution_account"
    else:
        payee = "unresolved"
    return True, amount, [], payee
