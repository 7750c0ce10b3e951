#!/usr/bin/python3
"""Reference fixtures for segmentkit/metrics.

Run with Debian's interpreter (scipy 1.10.1, statsmodels 0.13.5, mpmath 1.2.1):
    /usr/bin/python3 test/reference/metrics/generate.py
Writes fixtures.json next to this script. Every case records the exact library call in "call".
NaN and infinities are written as the strings "NaN", "Infinity", "-Infinity".
Tests compare with relative tolerance 1e-9 (absolute 1e-12 where a value is within 1e-12 of zero),
unless a case states its own "tolerance".
"""
import json
import math
import os

import mpmath
import numpy as np
import scipy
import statsmodels
from scipy import stats, optimize
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower, TTestIndPower
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    power_proportions_2indep,
    proportion_confint,
    proportions_ztest,
    samplesize_proportions_2indep_onetail,
    test_proportions_2indep,
)

mpmath.mp.dps = 40


def num(x):
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


out = {"versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "mpmath": mpmath.__version__}}

# --- distribution wrappers -------------------------------------------------------------------
out["normalCdf"] = [{"z": z, "expected": num(stats.norm.cdf(z)), "call": f"scipy.stats.norm.cdf({z})"}
                    for z in [-37.5, -30, -20, -10, -8.3, -6, -3, -1.96, -0.5, 0, 0.5, 1.96, 3, 8]]
out["normalSf"] = [{"z": z, "expected": num(stats.norm.sf(z)), "call": f"scipy.stats.norm.sf({z})"}
                   for z in [-8, -1.96, 0, 1.645, 1.96, 3, 6, 8.3, 10, 20, 37.5]]
out["normalQuantile"] = [{"p": p, "expected": num(stats.norm.ppf(p)), "call": f"scipy.stats.norm.ppf({p!r})"}
                         for p in [1e-300, 1e-100, 1e-20, 1e-10, 1e-6, 0.001, 0.025, 0.05, 0.3, 0.5, 0.7, 0.95, 0.975, 0.999, 1 - 1e-6, 1 - 1e-10]]
# scipy underflows to 0 below ~1e-308 (e.g. chi2.sf(1500, 10)); mpmath gives those tails.
out["chiSquareSf"] = [{"x": x, "k": k, "expected": num(stats.chi2.sf(x, k)) if stats.chi2.sf(x, k) > 1e-300 else num(mpmath.gammainc(mpmath.mpf(k) / 2, mpmath.mpf(x) / 2, mpmath.inf, regularized=True)),
                       "call": f"scipy.stats.chi2.sf({x}, {k})" if stats.chi2.sf(x, k) > 1e-300 else f"mpmath.gammainc({k}/2, {x}/2, inf, regularized=True)"}
                      for x, k in [(0.5, 1), (3.841458820694124, 1), (10, 3), (50, 2), (100, 1), (500, 1), (1000, 4), (1500, 10), (0.01, 5), (20, 20), (123.4, 57)]]
# Large degrees of freedom (review: the @stdlib gamma was 1 % off above ~1,500), 40-digit mpmath.
def chi2_sf_mp(x, k):
    return mpmath.gammainc(mpmath.mpf(k) / 2, mpmath.mpf(x) / 2, mpmath.inf, regularized=True)
large_df = []
for k in [199, 200, 201, 1000, 2000, 3000, 10000, 100000, 1000000]:
    s = math.sqrt(2 * k)
    for x in [k / 2, k - 3 * s, k - s, k - 2, k - 1, k, k + 1, k + s, k + 3 * s, k + 10 * s, 1.5 * k]:
        large_df.append({"x": x, "k": k, "expected": num(chi2_sf_mp(x, k)), "call": f"mpmath.gammainc({k}/2, {x!r}/2, inf, regularized=True)"})
out["chiSquareSfLargeDf"] = large_df
out["betaCdf"] = [{"x": x, "a": a, "b": b, "expected": num(stats.beta.cdf(x, a, b)), "call": f"scipy.stats.beta.cdf({x}, {a}, {b})"}
                  for x, a, b in [(0.3, 2, 5), (0.01, 0.5, 0.5), (0.5, 100, 100), (0.12, 121, 881), (0.09, 121, 881), (0.2, 3, 40), (0.999, 50, 2), (0.02, 4000, 96000)]]
out["betaQuantile"] = [{"p": p, "a": a, "b": b, "expected": num(stats.beta.ppf(p, a, b)), "call": f"scipy.stats.beta.ppf({p}, {a}, {b})"}
                       for p, a, b in [(0.025, 3, 18), (0.975, 4, 17), (0.5, 0.5, 0.5), (1e-10, 10, 10), (0.995, 200, 800), (0.05, 1, 1000)]]
out["logBeta"] = [{"a": a, "b": b, "expected": num(scipy.special.betaln(a, b)), "call": f"scipy.special.betaln({a}, {b})"}
                  for a, b in [(1, 1), (0.5, 0.5), (121, 881), (50000, 50000), (3.5, 1e6)]]

# --- proportion intervals --------------------------------------------------------------------
interval_cases = [(30, 1200, 0.05), (0, 10, 0.05), (10, 10, 0.05), (1, 1000000, 0.01), (999999, 1000000, 0.05), (3, 20, 0.1),
                  (5000, 10000, 0.001), (1, 2, 0.05), (17, 23, 0.2), (0, 1, 0.05), (7, 100000, 0.05), (250, 251, 0.05), (2, 7, 0.5),
                  # 10^9 trials, where @stdlib's betaincinv alone was off (review): an inverted interval at confidence 1e-6
                  (500000000, 1000000000, 0.999999), (500000000, 1000000000, 0.95), (200000000, 1000000000, 0.99),
                  (123456789, 987654321, 0.05), (500000000, 1000000000, 0.05)]
methods = {"wilson": "wilson", "agrestiCoull": "agresti_coull", "clopperPearson": "beta", "jeffreys": "jeffreys"}
for name, sm in methods.items():
    cases = []
    for x, n, alpha in interval_cases:
        lo, hi = proportion_confint(x, n, alpha=alpha, method=sm)
        case = {"successes": x, "trials": n, "confidence": 1 - alpha, "lower": num(lo), "upper": num(hi),
                "call": f"statsmodels proportion_confint({x}, {n}, alpha={alpha}, method='{sm}')"}
        if sm == "agresti_coull":
            case["lower"], case["upper"] = num(max(0.0, lo)), num(min(1.0, hi))
            case["note"] = "clipped to [0, 1] after the call"
        if sm == "jeffreys":
            # Brown, Cai & DasGupta convention, which statsmodels 0.13 does not apply
            if x == 0:
                case["lower"] = 0.0
                case["note"] = "lower set to 0 for x = 0"
            if x == n:
                case["upper"] = 1.0
                case["note"] = "upper set to 1 for x = n"
        cases.append(case)
    out[name] = cases

# --- two-proportion z test ------------------------------------------------------------------
z_cases = [(120, 1000, 90, 1000), (0, 500, 7, 500), (5000, 10000, 4000, 10000), (1, 20, 3, 25), (33, 80, 33, 80),
           (50, 100000, 95, 100000), (7000, 10000, 2000, 10000), (3, 3, 1, 4)]
zt = []
for xa, na, xb, nb in z_cases:
    for alt, sm_alt in [("two-sided", "two-sided"), ("greater", "larger"), ("less", "smaller")]:
        z, p = proportions_ztest([xa, xb], [na, nb], value=0, alternative=sm_alt)
        zt.append({"counts": [xa, na, xb, nb], "alternative": alt, "pooled": True, "z": num(z), "pValue": num(p),
                   "call": f"proportions_ztest([{xa}, {xb}], [{na}, {nb}], value=0, alternative='{sm_alt}')"})
        if not (xa in (0, na) or xb in (0, nb)):  # statsmodels 0.13 divides by zero for a proportion of 0 or 1
            r = test_proportions_2indep(xa, na, xb, nb, method="wald", compare="diff", alternative=sm_alt)
            zt.append({"counts": [xa, na, xb, nb], "alternative": alt, "pooled": False, "z": num(r.statistic), "pValue": num(r.pvalue),
                       "call": f"test_proportions_2indep({xa}, {na}, {xb}, {nb}, method='wald', compare='diff', alternative='{sm_alt}')"})
out["twoProportionZTest"] = zt


# --- two-proportion z test of a non-zero difference (non-inferiority) ---------------------------------
# Pooled: Farrington & Manning's (1990) score test, z = (p1 - p2 - d) / sqrt(var at the constrained MLE).
# statsmodels 0.13.5 (and 0.14.6) cannot be the reference: its Miettinen-Nurminen cubic has count0 where
# nobs0 belongs (statsmodels issue #10269), so its null proportions do not maximize the likelihood, and it
# always multiplies the variance by N/(N - 1) (issue #8704). The constrained MLE is computed two ways at
# 40 digits, as the root of the score equation and by the corrected closed form, and they must agree.
def restricted_mle(xa, na, xb, nb, d):
    d = mpmath.mpf(d)
    def g(p):
        q = p + d
        return (xa / q if xa else 0) - ((na - xa) / (1 - q) if na - xa else 0) + (xb / p if xb else 0) - ((nb - xb) / (1 - p) if nb - xb else 0)
    lo, hi = max(mpmath.mpf(0), -d), min(mpmath.mpf(1), 1 - d)
    eps = mpmath.mpf(10) ** -35
    if g(lo + eps) <= 0:
        return lo, "end"
    if g(hi - eps) >= 0:
        return hi, "end"
    root = mpmath.findroot(g, (lo + eps, hi - eps), solver="anderson")
    # The corrected closed form (Miettinen & Nurminen 1985, index 0 = arm B).
    n, x, n1, n0, x0 = na + nb, xa + xb, na, nb, xb
    t3 = n
    t2 = (n1 + 2 * n0) * d - n - x
    t1 = (n0 * d - n - 2 * x0) * d + x
    t0 = x0 * d * (1 - d)
    q = (t2 / (3 * t3)) ** 3 - t1 * t2 / (6 * t3 ** 2) + t0 / (2 * t3)
    pp = mpmath.sign(q) * mpmath.sqrt((t2 / (3 * t3)) ** 2 - t1 / (3 * t3))
    closed = 2 * pp * mpmath.cos((mpmath.pi + mpmath.acos(q / pp ** 3)) / 3) - t2 / (3 * t3)
    assert abs(closed - root) < mpmath.mpf(10) ** -25, (xa, na, xb, nb, d, root, closed)
    return root, "root"


def normal_tail(z, alternative):
    z = mpmath.mpf(z)
    if alternative == "two-sided":
        return mpmath.erfc(abs(z) / mpmath.sqrt(2))
    return mpmath.erfc((z if alternative == "greater" else -z) / mpmath.sqrt(2)) / 2


null_cases = [(1190, 10000, 1210, 10000, -0.01), (120, 1000, 90, 1000, -0.02), (120, 1000, 90, 1000, 0.05), (0, 500, 7, 500, -0.01),
              (0, 500, 7, 500, 0.01), (500, 500, 480, 500, 0.02), (3, 3, 1, 4, 0.5), (3, 3, 1, 4, -0.9), (1, 20, 3, 25, 0.3),
              (50, 100000, 95, 100000, -0.0005), (7000, 10000, 2000, 10000, 0.49), (33, 80, 33, 80, -1e-9), (33, 80, 33, 80, 1e-6),
              (0, 40, 0, 60, 0.1), (0, 40, 0, 60, -0.1), (40, 40, 60, 60, -0.25), (2.5, 10.5, 4.25, 12, 0.15)]
ztn = []
for xa, na, xb, nb, d in null_cases:
    pb, how = restricted_mle(xa, na, xb, nb, d)
    pa = pb + mpmath.mpf(d)
    var = pa * (1 - pa) / na + pb * (1 - pb) / nb
    z = (mpmath.mpf(xa) / na - mpmath.mpf(xb) / nb - mpmath.mpf(d)) / mpmath.sqrt(var)
    for alt, sm_alt in [("two-sided", "two-sided"), ("greater", "larger"), ("less", "smaller")]:
        ztn.append({"counts": [xa, na, xb, nb], "nullDifference": d, "alternative": alt, "pooled": True, "z": num(z), "pValue": num(normal_tail(z, alt)),
                    "proportionA": num(pa), "proportionB": num(pb),
                    "call": f"Farrington-Manning score test, mpmath 40 digits: constrained MLE by the score equation ({how}) and the corrected Miettinen-Nurminen cubic"})
        if not (xa in (0, na) or xb in (0, nb)):  # statsmodels 0.13 divides by zero for a proportion of 0 or 1
            r = test_proportions_2indep(xa, na, xb, nb, value=d, method="wald", compare="diff", alternative=sm_alt)
            ztn.append({"counts": [xa, na, xb, nb], "nullDifference": d, "alternative": alt, "pooled": False, "z": num(r.statistic), "pValue": num(r.pvalue),
                        "call": f"test_proportions_2indep({xa}, {na}, {xb}, {nb}, value={d}, method='wald', compare='diff', alternative='{sm_alt}')"})
out["twoProportionZTestNull"] = ztn

# Equivalence (TOST) of two proportions: the larger of the two one-sided p-values. statsmodels 0.13.5's
# tost_proportions_2indep returns the smaller one (statsmodels #8213, fixed in 0.14), so the reference
# takes the maximum of its two component tests (results_larger, results_smaller), which are right.
from statsmodels.stats.proportion import tost_proportions_2indep
def fm_one_sided(xa, na, xb, nb, d, alternative):
    pb, _ = restricted_mle(xa, na, xb, nb, d)
    pa = pb + mpmath.mpf(d)
    z = (mpmath.mpf(xa) / na - mpmath.mpf(xb) / nb - mpmath.mpf(d)) / mpmath.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)
    return normal_tail(z, alternative)
tost_cases = [(1212, 20000, 1190, 20000, -0.006, 0.006), (1190, 10000, 1210, 10000, -0.01, 0.01), (120, 1000, 90, 1000, -0.05, 0.05),
              (33, 80, 33, 80, -0.2, 0.2), (0, 500, 7, 500, -0.02, 0.03), (5000, 10000, 4000, 10000, 0.05, 0.15), (1, 20, 3, 25, -0.5, 0.1)]
tost = []
for xa, na, xb, nb, low, upp in tost_cases:
    p_low, p_upp = fm_one_sided(xa, na, xb, nb, low, "greater"), fm_one_sided(xa, na, xb, nb, upp, "less")
    tost.append({"counts": [xa, na, xb, nb], "bounds": [low, upp], "pooled": True, "lowerPValue": num(p_low), "upperPValue": num(p_upp), "pValue": num(max(p_low, p_upp)),
                 "call": "Farrington-Manning score test at each bound (mpmath, as twoProportionZTestNull); p = max"})
    if not (xa in (0, na) or xb in (0, nb)):
        r = tost_proportions_2indep(xa, na, xb, nb, low, upp, method="wald", compare="diff")
        tost.append({"counts": [xa, na, xb, nb], "bounds": [low, upp], "pooled": False, "lowerPValue": num(r.results_larger.pvalue), "upperPValue": num(r.results_smaller.pvalue),
                     "pValue": num(max(r.results_larger.pvalue, r.results_smaller.pvalue)),
                     "call": f"tost_proportions_2indep({xa}, {na}, {xb}, {nb}, {low}, {upp}, method='wald', compare='diff'): max of results_larger.pvalue and results_smaller.pvalue"})
out["equivalenceTestTwoProportions"] = tost

di = []
for xa, na, xb, nb in z_cases:
    for alpha in (0.05, 0.01):
        for method, sm in [("wald", "wald"), ("newcombe", "newcomb")]:
            if method == "wald" and xa in (0, na) and xb in (0, nb):
                continue
            lo, hi = confint_proportions_2indep(xa, na, xb, nb, method=sm, compare="diff", alpha=alpha)
            di.append({"counts": [xa, na, xb, nb], "method": method, "confidence": 1 - alpha, "lower": num(lo), "upper": num(hi),
                       "call": f"confint_proportions_2indep({xa}, {na}, {xb}, {nb}, method='{sm}', compare='diff', alpha={alpha})"})
out["differenceInterval"] = di

rl = []
for xa, na, xb, nb in [(120, 1000, 90, 1000), (260, 5000, 200, 5000), (0, 100, 5, 100), (450, 1000, 400, 1000)]:
    pa, pb = xa / na, xb / nb
    var = pb * (1 - pb) * pa * pa / (pb ** 4 * nb) + pa * (1 - pa) / (pb * pb * na)
    lift = (pa - pb) / pb
    z = stats.norm.isf(0.025)
    # A zero variance (treatment rate 0, or both rates 1) leaves no interval: NaN bounds, as the Wald difference interval.
    rl.append({"counts": [xa, na, xb, nb], "confidence": 0.95, "lift": lift, "standardError": math.sqrt(var),
               "lower": num(lift - z * math.sqrt(var)) if var > 0 else "NaN", "upper": num(lift + z * math.sqrt(var)) if var > 0 else "NaN",
               "call": "delta method (GrowthBook): var = sB^2 pA^2/(pB^4 nB) + sA^2/(pB^2 nA), z = scipy.stats.norm.isf(0.025)"})
out["relativeLift"] = rl

from statsmodels.stats.proportion import confint_proportions_2indep
rl_log = []
for xa, na, xb, nb, confidence in [(120, 1000, 90, 1000, 0.95), (352, 6030, 300, 6000, 0.95), (260, 5000, 200, 5000, 0.9),
                                   (3, 40, 7, 35, 0.99), (450, 1000, 400, 1000, 0.95), (100, 100, 50, 100, 0.95)]:
    low, upp = confint_proportions_2indep(xa, na, xb, nb, method="log", compare="ratio", alpha=1 - confidence)
    rl_log.append({"counts": [xa, na, xb, nb], "confidence": confidence, "lift": (xa / na - xb / nb) / (xb / nb),
                   "standardError": math.sqrt(1 / xa - 1 / na + 1 / xb - 1 / nb), "lower": num(low - 1), "upper": num(upp - 1),
                   "call": f"statsmodels confint_proportions_2indep({xa}, {na}, {xb}, {nb}, method='log', compare='ratio', alpha={1 - confidence:.2f}) - 1"})
out["relativeLiftLog"] = rl_log

# --- chi-square --------------------------------------------------------------------------------
tables = [[[120, 880], [90, 910]], [[10, 20, 30], [6, 9, 17]], [[5000, 5000], [4000, 6000]], [[12, 5], [9, 7]],
          [[100, 80, 60, 40], [20, 40, 60, 80], [50, 50, 50, 50]], [[1, 2], [2, 1]], [[3000, 100], [100, 3000]], [[10, 10], [10, 10]]]
cs = []
for t in tables:
    for yates in (False, True):
        if yates and (len(t) != 2 or len(t[0]) != 2):
            continue
        stat, p, dof, _ = stats.chi2_contingency(np.array(t), correction=yates)
        cs.append({"table": t, "yates": yates, "statistic": num(stat), "pValue": num(p), "dof": int(dof),
                   "call": f"scipy.stats.chi2_contingency({t}, correction={yates})"})
out["chiSquareIndependence"] = cs

srm = []
for obs, w in [([5100, 4900], [1, 1]), ([5300, 4700], [1, 1]), ([2100, 7900], [0.2, 0.8]), ([1000, 1000, 1000], [1, 1, 1]),
               ([100000, 98000], [1, 1]), ([480, 530, 490, 500], [1, 1, 1, 1])]:
    f_exp = np.array(w, dtype=float) / sum(w) * sum(obs)
    stat, p = stats.chisquare(obs, f_exp)
    srm.append({"observed": obs, "weights": w, "statistic": num(stat), "pValue": num(p),
                "call": f"scipy.stats.chisquare({obs}, f_exp={list(f_exp)})"})
out["sampleRatioMismatch"] = srm

# --- Bayesian --------------------------------------------------------------------------------


def p_greater(a, b, c, d):
    """P(Y > X), X ~ Beta(a, b), Y ~ Beta(c, d), to 40 digits with mpmath."""
    if c > 20000:
        # huge shapes: mpmath's betainc does not converge; scipy quad (epsrel 1e-13) around the posterior mass
        from scipy import integrate
        mean, sd = c / (c + d), math.sqrt(c * d / ((c + d) ** 2 * (c + d + 1)))
        lo, hi = max(0.0, mean - 40 * sd), min(1.0, mean + 40 * sd)
        pts = [mean + k * sd for k in range(-12, 13)]
        val, _ = integrate.quad(lambda x: stats.beta.pdf(x, c, d) * stats.beta.cdf(x, a, b), lo, hi, points=pts, epsabs=0, epsrel=1e-13, limit=500)
        return mpmath.mpf(val)
    a, b, c, d = map(mpmath.mpf, (a, b, c, d))
    if c == int(c) and c <= 20000:
        total = mpmath.mpf(0)
        for i in range(int(c)):
            total += mpmath.exp(mpmath.log(mpmath.beta(a + i, b + d)) - mpmath.log(d + i) - mpmath.log(mpmath.beta(1 + i, d)) - mpmath.log(mpmath.beta(a, b)))
        return total
    if c / (c + d) > 0.5:
        # Y piles up near 1, where even 40 digits cannot place all of its mass (Beta(5.1, 0.01) has half of
        # it within 1e-30 of 1): integrate Y' = 1 - Y ~ Beta(d, c) instead, whose mass is near 0.
        # P(Y > X) = P(Y' < X') = integral of f_Y'(s) * P(X' > s), X' = 1 - X ~ Beta(b, a). A small d
        # spreads Y''s mass over hundreds of orders of magnitude near 0 (density s^(d-1)), so the
        # integral runs in u = -log(s): integral over u > 0 of s^d (1 - s)^(c-1) / B(d, c) * P(X' > s).
        def g(u):
            s = mpmath.exp(-u)
            return mpmath.exp(-u * d + (c - 1) * mpmath.log(-mpmath.expm1(-u)) - mpmath.log(mpmath.beta(d, c))) * mpmath.betainc(b, a, s, 1, regularized=True)
        return mpmath.quad(g, [0, mpmath.mpf(1) / 100, 1, 10, 100, 1000, 10000, 100000, mpmath.inf])
    mean = c / (c + d)
    sd = mpmath.sqrt(c * d / ((c + d) ** 2 * (c + d + 1)))
    pts = sorted(set([mpmath.mpf(0), mpmath.mpf(1)] + [min(max(mean + k * sd, mpmath.mpf(0)), mpmath.mpf(1)) for k in range(-12, 13)]))
    f = lambda x: mpmath.exp((c - 1) * mpmath.log(x) + (d - 1) * mpmath.log(1 - x) - mpmath.log(mpmath.beta(c, d))) * mpmath.betainc(a, b, 0, x, regularized=True)
    return mpmath.quad(f, pts)


bayes = []
for (xa, na, xb, nb, pa, pb) in [(90, 1000, 120, 1000, 1, 1), (10, 100, 12, 100, 1, 1), (4000, 100000, 4300, 100000, 1, 1),
                                  (200, 1000, 100, 1000, 1, 1), (0, 0, 0, 0, 1, 1), (3, 10, 4, 10, 0.5, 0.5), (30, 400, 45, 420, 2.5, 7.5),
                                  (1, 50, 0, 50, 1, 1), (120, 1000, 90, 1000, 1, 1),
                                  (150000, 3000000, 151000, 3000000, 1, 1), (18000, 200000, 18400, 200000, 1, 1),
                                  # review cases: B converted everyone under small priors (posterior mass within 1e-16 of 1),
                                  # the mirror case, and high conversion rates
                                  (0, 5, 5, 5, 0.1, 0.1), (0, 5, 5, 5, 0.01, 0.01), (0, 5, 5, 5, 0.001, 0.001), (0, 5, 5, 5, 0.5, 0.5),
                                  (0, 50, 50, 50, 0.1, 0.1), (5, 5, 0, 5, 0.1, 0.1), (800, 1000, 850, 1000, 0.5, 0.5)]:
    aA, bA, aB, bB = pa + xa, pb + na - xa, pa + xb, pb + nb - xb
    prob = p_greater(aA, bA, aB, bB)
    mA, mB = mpmath.mpf(aA) / (aA + bA), mpmath.mpf(aB) / (aB + bB)
    loss_b = mA * p_greater(aB, bB, aA + 1, bA) - mB * p_greater(aB + 1, bB, aA, bA)
    loss_a = mB * p_greater(aA, bA, aB + 1, bB) - mA * p_greater(aA + 1, bA, aB, bB)
    bayes.append({"counts": [xa, na, xb, nb], "priorAlpha": pa, "priorBeta": pb, "probability": num(prob),
                  "expectedLossChoosingA": num(loss_a), "expectedLossChoosingB": num(loss_b),
                  "call": "mpmath (40 digits): Evan Miller closed form for integer alpha_B, else mpmath.quad of f_B(x) I_x(aA, bA); loss after Stucchio"})
out["probabilityToBeat"] = bayes

# --- planning --------------------------------------------------------------------------------
ss = []
def two_sided_shift(alpha, power):
    """u with norm.sf(za - u) + norm.cdf(-za - u) = power: both rejection tails, as NormalIndPower counts them."""
    za = stats.norm.isf(alpha / 2)
    return optimize.brentq(lambda u: stats.norm.sf(za - u) + stats.norm.cdf(-za - u) - power, 0, za + stats.norm.isf(1 - power) + 1,
                           xtol=1e-17, rtol=8.9e-16, maxiter=500)


# The last three: a large alpha or a low power, where the far rejection tail matters (metrics review).
for p1, mde, kind, alpha, power in [(0.1, 0.02, "absolute", 0.05, 0.8), (0.1, 0.2, "relative", 0.05, 0.8), (0.03, 0.005, "absolute", 0.05, 0.9),
                                    (0.5, -0.05, "absolute", 0.01, 0.8), (0.001, 0.5, "relative", 0.05, 0.8), (0.9, 0.05, "absolute", 0.1, 0.95),
                                    (0.1, 0.02, "absolute", 0.2, 0.8), (0.1, 0.02, "absolute", 0.2, 0.5), (0.1, 0.02, "absolute", 0.05, 0.5)]:
    p2 = p1 + mde if kind == "absolute" else p1 * (1 + mde)
    za, zb = stats.norm.isf(alpha / 2), stats.norm.isf(1 - power)
    pooled = samplesize_proportions_2indep_onetail(p2 - p1, p1, power, ratio=1, alpha=alpha, value=0, alternative="two-sided")
    h = 2 * math.asin(math.sqrt(p2)) - 2 * math.asin(math.sqrt(p1))
    cohen = 2 * (two_sided_shift(alpha, power) / h) ** 2
    cohen_solved = NormalIndPower().solve_power(effect_size=abs(h), nobs1=None, alpha=alpha, power=power, ratio=1)
    baseline = (za * math.sqrt(2 * p1 * (1 - p1)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    base = {"baseline": p1, "mde": mde, "mdeType": kind, "alpha": alpha, "power": power}
    ss.append({**base, "method": "pooled", "exact": num(pooled),
               "call": f"samplesize_proportions_2indep_onetail({p2 - p1!r}, {p1}, {power}, ratio=1, alpha={alpha}, alternative='two-sided')"})
    ss.append({**base, "method": "cohens-h", "exact": num(cohen), "solvePower": num(cohen_solved),
               "call": "2*(u/h)**2, u from brentq on norm.sf(za-u)+norm.cdf(-za-u) = power; solvePower = NormalIndPower().solve_power(|h|, alpha, power, ratio=1)"})
    ss.append({**base, "method": "baseline", "exact": num(baseline), "call": "(za*sqrt(2 p1 q1) + zb*sqrt(p1 q1 + p2 q2))**2/delta**2 with scipy norm.isf"})
out["sampleSize"] = ss

pw = []
for p1, mde, kind, n, alpha in [(0.1, 0.02, "absolute", 3841, 0.05), (0.1, 0.02, "absolute", 500, 0.05), (0.05, -0.01, "absolute", 20000, 0.01),
                                (0.3, 0.1, "relative", 10, 0.05), (0.5, 0.0, "absolute", 1000, 0.05)]:
    p2 = p1 + mde if kind == "absolute" else p1 * (1 + mde)
    pooled = power_proportions_2indep(p2 - p1, p1, n, ratio=1, alpha=alpha, value=0, alternative="two-sided", return_results=False)
    h = 2 * math.asin(math.sqrt(p2)) - 2 * math.asin(math.sqrt(p1))
    cohen = NormalIndPower().power(effect_size=abs(h), nobs1=n, alpha=alpha, ratio=1, alternative="two-sided")
    base = {"baseline": p1, "mde": mde, "mdeType": kind, "perArm": n, "alpha": alpha}
    pw.append({**base, "method": "pooled", "power": num(pooled), "call": f"power_proportions_2indep({p2 - p1!r}, {p1}, {n}, ratio=1, alpha={alpha}, alternative='two-sided')"})
    pw.append({**base, "method": "cohens-h", "power": num(cohen), "call": f"NormalIndPower().power({abs(h)!r}, {n}, {alpha}, ratio=1, alternative='two-sided')"})
out["power"] = pw

mde_cases = []
for p1, n, alpha, power in [(0.1, 3841, 0.05, 0.8), (0.02, 50000, 0.05, 0.8), (0.5, 200, 0.01, 0.9), (0.1, 800, 0.2, 0.5)]:
    za, zb = stats.norm.isf(alpha / 2), stats.norm.isf(1 - power)
    for method in ("pooled", "baseline", "cohens-h"):
        if method == "cohens-h":
            p2 = math.sin(math.asin(math.sqrt(p1)) + two_sided_shift(alpha, power) / math.sqrt(2 * n)) ** 2
        else:
            def gap(p2):
                sd0 = math.sqrt(2 * ((p1 + p2) / 2) * (1 - (p1 + p2) / 2)) if method == "pooled" else math.sqrt(2 * p1 * (1 - p1))
                return (p2 - p1) * math.sqrt(n) - (za * sd0 + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)))
            p2 = optimize.brentq(gap, p1, 1 - 1e-15, xtol=1e-17, rtol=8.9e-16, maxiter=500)
        mde_cases.append({"baseline": p1, "perArm": n, "alpha": alpha, "power": power, "method": method, "target": p2,
                          "call": "scipy.optimize.brentq on (p2 - p1) sqrt(n) = za sd0 + zb sd1 (for cohens-h: sin^2(asin sqrt p1 + u/sqrt(2n)), u counting both tails)"})
out["minimumDetectableEffect"] = mde_cases

# --- planning with unequal arms and one-sided tests (metrics review: a 90/10 holdout could not be planned)
# statsmodels' sample 1 is the treatment (prop1 = prop2 + diff), prop2 the baseline, nobs2 = ratio * nobs1.
sm_alternative = {"two-sided": "two-sided", "greater": "larger", "less": "smaller"}
designs = [(0.1, 0.02, 1 / 9, "two-sided", 0.05, 0.8), (0.1, 0.02, 9.0, "two-sided", 0.05, 0.8), (0.04, 0.006, 0.5, "greater", 0.05, 0.8),
           (0.3, -0.05, 2.0, "less", 0.01, 0.9), (0.02, 0.004, 1.0, "greater", 0.1, 0.5), (0.5, 0.1, 0.25, "two-sided", 0.2, 0.5)]
ssd, pwd = [], []
for p1, diff, ratio, alternative, alpha, power in designs:
    p2 = p1 + diff
    h = 2 * math.asin(math.sqrt(p2)) - 2 * math.asin(math.sqrt(p1))
    za = stats.norm.isf(alpha / 2 if alternative == "two-sided" else alpha)
    zb = stats.norm.isf(1 - power)
    pooled = samplesize_proportions_2indep_onetail(diff, p1, power, ratio=ratio, alpha=alpha, value=0, alternative=sm_alternative[alternative])
    cohen = NormalIndPower().solve_power(effect_size=h, nobs1=None, alpha=alpha, power=power, ratio=ratio, alternative=sm_alternative[alternative])
    sd1 = math.sqrt(p2 * (1 - p2) + p1 * (1 - p1) / ratio)
    baseline_n = ((za * math.sqrt(p1 * (1 - p1) * (1 + 1 / ratio)) + zb * sd1) / diff) ** 2
    base = {"baseline": p1, "mde": diff, "mdeType": "absolute", "ratio": ratio, "alternative": alternative, "alpha": alpha, "power": power}
    ssd.append({**base, "method": "pooled", "exact": num(pooled), "call": f"samplesize_proportions_2indep_onetail({diff}, {p1}, {power}, ratio={ratio}, alpha={alpha}, alternative='{sm_alternative[alternative]}')"})
    ssd.append({**base, "method": "cohens-h", "exact": num(cohen), "relative": 1e-8, "call": f"NormalIndPower().solve_power({h}, None, {alpha}, {power}, ratio={ratio}, alternative='{sm_alternative[alternative]}') (brentq: about 3e-9)"})
    ssd.append({**base, "method": "baseline", "exact": num(baseline_n), "call": "((za sqrt(p1 q1 (1 + 1/ratio)) + zb sqrt(p2 q2 + p1 q1/ratio)) / diff)**2"})
    for n in (1000.0, 5000.0):
        pwd.append({**base, "perArm": n, "method": "pooled", "power": num(power_proportions_2indep(diff, p1, n, ratio=ratio, alpha=alpha, value=0, alternative=sm_alternative[alternative], return_results=False)),
                    "call": f"power_proportions_2indep({diff}, {p1}, {n}, ratio={ratio}, alpha={alpha}, alternative='{sm_alternative[alternative]}')"})
        pwd.append({**base, "perArm": n, "method": "cohens-h", "power": num(NormalIndPower().power(h, n, alpha, ratio=ratio, alternative=sm_alternative[alternative])),
                    "call": f"NormalIndPower().power({h}, {n}, {alpha}, ratio={ratio}, alternative='{sm_alternative[alternative]}')"})
out["sampleSizeDesigns"] = ssd
out["powerDesigns"] = pwd

# --- means: t tests and intervals (metrics review: revenue per user could not be tested) -----
mpmath.mp.dps = 40


def t_two_sided_quantile(tail, df):
    """The t > 0 with P(|T| >= t) = tail, by mpmath on the incomplete beta (scipy's t.isf is 7e-10 off at df 2.5)."""
    nu = mpmath.mpf(df)
    f = lambda t: mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, nu / (nu + t * t), regularized=True) - mpmath.mpf(tail)
    return mpmath.findroot(f, mpmath.mpf(stats.t.isf(tail / 2, float(df))))


def summary(values):
    x = np.asarray(values, dtype=float)
    return {"mean": float(np.mean(x)), "standardDeviation": float(np.std(x, ddof=1)), "count": int(len(x))}


rng = np.random.default_rng(11)
revenue_a = [12, 0, 30, 18, 0, 45, 22, 9, 31, 27]
revenue_b = [10, 0, 14, 8, 0, 21, 12, 5, 0, 16]
skewed_a = list(np.round(rng.lognormal(3, 1.2, 40) * (rng.random(40) < 0.3), 2))
skewed_b = list(np.round(rng.lognormal(2.8, 1.0, 300) * (rng.random(300) < 0.25), 2))
samples = [
    (revenue_a, revenue_b),
    (skewed_a, skewed_b),
    ([1.5, 2.5, 2.0], list(np.round(rng.normal(10, 25, 50), 3))),
    ({"mean": 41.2, "standardDeviation": 88.5, "count": 12000}, {"mean": 38.9, "standardDeviation": 80.1, "count": 12100}),
    ({"mean": 5.0, "standardDeviation": 1.0, "count": 30}, {"mean": 1.0, "standardDeviation": 1.0, "count": 30}),
    ({"mean": 100.001, "standardDeviation": 3.0, "count": 10000000}, {"mean": 100.0, "standardDeviation": 3.2, "count": 9000000}),
    ({"mean": 2.0, "standardDeviation": 0.5, "count": 2}, {"mean": 2.0, "standardDeviation": 4.0, "count": 3}),
]
def standard_error_and_df(sa, sb, variance):
    """The standard error of meanA - meanB and the degrees of freedom: Welch-Satterthwaite or pooled."""
    va, vb = sa["standardDeviation"] ** 2 / sa["count"], sb["standardDeviation"] ** 2 / sb["count"]
    if variance == "unequal":
        return math.sqrt(va + vb), (va + vb) ** 2 / (va ** 2 / (sa["count"] - 1) + vb ** 2 / (sb["count"] - 1))
    df = sa["count"] + sb["count"] - 2
    return math.sqrt(((sa["count"] - 1) * sa["standardDeviation"] ** 2 + (sb["count"] - 1) * sb["standardDeviation"] ** 2) / df * (1 / sa["count"] + 1 / sb["count"])), df


tt = []
for a, b in samples:
    sa = a if isinstance(a, dict) else summary(a)
    sb = b if isinstance(b, dict) else summary(b)
    for variance in ("unequal", "pooled"):
        for alternative in ("two-sided", "greater", "less"):
            result = stats.ttest_ind_from_stats(sa["mean"], sa["standardDeviation"], sa["count"], sb["mean"], sb["standardDeviation"], sb["count"],
                                                equal_var=(variance == "pooled"), alternative=alternative)
            se, df = standard_error_and_df(sa, sb, variance)
            diff = sa["mean"] - sb["mean"]
            q = float(t_two_sided_quantile(0.05 if alternative == "two-sided" else 0.1, df))
            lower = -math.inf if alternative == "less" else diff - q * se
            upper = math.inf if alternative == "greater" else diff + q * se
            tt.append({"a": a if isinstance(a, dict) else [float(v) for v in a], "b": b if isinstance(b, dict) else [float(v) for v in b],
                       "variance": variance, "alternative": alternative, "t": num(result.statistic), "pValue": num(result.pvalue),
                       "degreesOfFreedom": num(df), "lower": num(lower), "upper": num(upper),
                       "call": f"scipy.stats.ttest_ind_from_stats(..., equal_var={variance == 'pooled'}, alternative='{alternative}'); interval: difference -/+ mpmath t quantile * se"})
out["twoSampleTTest"] = tt

# Non-zero null difference: statsmodels' generic t statistic (value1 - value2 - diff) / std_diff.
from statsmodels.stats.weightstats import _tstat_generic, ttest_ind as sm_ttest_ind
ttn = []
for (a, b), d in zip(samples, [-5.0, 2.5, -12.0, -1.0, 3.5, 0.0005, 0.25]):
    sa = a if isinstance(a, dict) else summary(a)
    sb = b if isinstance(b, dict) else summary(b)
    for variance in ("unequal", "pooled"):
        for alternative, sm_alt in [("two-sided", "two-sided"), ("greater", "larger"), ("less", "smaller")]:
            if isinstance(a, dict):
                se, df = standard_error_and_df(sa, sb, variance)
                t, pvalue = _tstat_generic(sa["mean"], sb["mean"], se, df, sm_alt, diff=d)
                call = f"statsmodels.stats.weightstats._tstat_generic(meanA, meanB, se, df, '{sm_alt}', diff={d})"
            else:
                t, pvalue, df = sm_ttest_ind(np.asarray(a, float), np.asarray(b, float), alternative=sm_alt, usevar=variance, value=d)
                call = f"statsmodels.stats.weightstats.ttest_ind(a, b, alternative='{sm_alt}', usevar='{variance}', value={d})"
            ttn.append({"a": a if isinstance(a, dict) else [float(v) for v in a], "b": b if isinstance(b, dict) else [float(v) for v in b],
                        "nullDifference": d, "variance": variance, "alternative": alternative, "t": num(t), "pValue": num(pvalue), "degreesOfFreedom": num(df), "call": call})
out["twoSampleTTestNull"] = ttn

# Equivalence (TOST) of two means: statsmodels' ttost_ind for values, _tstat_generic at each bound for summaries.
from statsmodels.stats.weightstats import ttost_ind
ttost = []
for (a, b), (low, upp) in zip(samples, [(-5.0, 25.0), (-10.0, 10.0), (-30.0, 5.0), (-0.2, 0.2), (3.0, 5.0), (-0.01, 0.01), (-1.0, 1.0)]):
    sa = a if isinstance(a, dict) else summary(a)
    sb = b if isinstance(b, dict) else summary(b)
    for variance in ("unequal", "pooled"):
        if isinstance(a, dict):
            se, df = standard_error_and_df(sa, sb, variance)
            p_low = _tstat_generic(sa["mean"], sb["mean"], se, df, "larger", diff=low)[1]
            p_upp = _tstat_generic(sa["mean"], sb["mean"], se, df, "smaller", diff=upp)[1]
            pvalue = max(p_low, p_upp)
            call = f"_tstat_generic at each bound ({low}, {upp}), usevar '{variance}'; p = max"
        else:
            pvalue, (t1, p_low, _), (t2, p_upp, _) = ttost_ind(np.asarray(a, float), np.asarray(b, float), low, upp, usevar=variance)
            call = f"statsmodels.stats.weightstats.ttost_ind(a, b, {low}, {upp}, usevar='{variance}')"
        ttost.append({"a": a if isinstance(a, dict) else [float(v) for v in a], "b": b if isinstance(b, dict) else [float(v) for v in b],
                      "bounds": [low, upp], "variance": variance, "lowerPValue": num(p_low), "upperPValue": num(p_upp), "pValue": num(pvalue), "call": call})
out["equivalenceTestTwoMeans"] = ttost


def t_sf(t, df):
    """P(T >= t) by mpmath on the incomplete beta, exact far into the tail."""
    nu, t = mpmath.mpf(df), mpmath.mpf(t)
    half = mpmath.betainc(nu / 2, mpmath.mpf(1) / 2, 0, nu / (nu + t * t), regularized=True) / 2
    return half if t >= 0 else 1 - half


# Student t itself (review): tails on both sides of t^2 = nu and beyond t = 1e154 (where t^2 overflows),
# quantiles of tails down to 1e-300; mpmath at 40 digits.
student = []
for t, df in [(0.5, 1), (1.96, 30), (3, 2.5), (1.2, 1e6), (6, 1e7), (50, 7), (1.41e8, 1), (1e8, 3), (1e40, 5), (1e60, 3), (1e200, 1), (1e200, 0.5), (1e200, 1.5), (0.001, 12)]:
    student.append({"t": t, "df": df, "tail": num(float(2 * t_sf(abs(t), df))), "call": "mpmath: I_y(df/2, 1/2), y = df/(df + t^2)"})
student_q = []
for tail, df in [(0.05, 1), (0.01, 2.5), (0.5, 7.3), (0.05, 1e7), (1e-10, 1), (1e-12, 30), (1e-20, 1), (1e-60, 2), (1e-90, 4), (1e-200, 1), (1e-300, 1.5), (1e-100, 0.5)]:
    nu = mpmath.mpf(df)
    # Solve in logarithms of t, so the far tail (t near 1e200) converges as well as the near one.
    start = mpmath.log(mpmath.mpf(stats.t.isf(tail / 2, df))) if tail > 1e-30 else (mpmath.log(nu) - 2 / nu * (mpmath.log(tail) + mpmath.log(nu / 2) + mpmath.log(mpmath.beta(nu / 2, mpmath.mpf(1) / 2)))) / 2
    u = mpmath.findroot(lambda u: mpmath.log(2 * t_sf(mpmath.exp(u), df)) - mpmath.log(tail), start)
    student_q.append({"tail": tail, "df": df, "t": num(float(mpmath.exp(u))), "call": "mpmath findroot on log(tail) in log t"})
out["studentTail"] = student
out["studentQuantile"] = student_q

# Review: a huge t at about one degree of freedom (the tail lost every digit), and one-sided intervals
# at confidence below 0.5 (their quantile is negative); references by mpmath only.
edges = []
for a, b, alternative, confidence in [({"mean": 100.0, "standardDeviation": 1e-6, "count": 2}, {"mean": 0.0, "standardDeviation": 1e-9, "count": 1000}, "two-sided", 0.95),
                                      ({"mean": 100.0, "standardDeviation": 1e-4, "count": 2}, {"mean": 0.0, "standardDeviation": 1e-7, "count": 1000}, "greater", 0.95),
                                      ([10, 12, 14, 9, 11], [8, 9, 10, 7, 9], "greater", 0.3), ([10, 12, 14, 9, 11], [8, 9, 10, 7, 9], "less", 0.3),
                                      ([0, 1], [1000, 1000.000001, 1000.000002], "two-sided", 0.999999), ([1, 2, 4], [3, 3.5, 9, 10], "less", 0.9999)]:
    sa = a if isinstance(a, dict) else summary(a)
    sb = b if isinstance(b, dict) else summary(b)
    va, vb = mpmath.mpf(sa["standardDeviation"]) ** 2 / sa["count"], mpmath.mpf(sb["standardDeviation"]) ** 2 / sb["count"]
    se = mpmath.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (sa["count"] - 1) + vb ** 2 / (sb["count"] - 1))
    diff = mpmath.mpf(sa["mean"]) - mpmath.mpf(sb["mean"])
    t = diff / se
    p = 2 * t_sf(abs(t), df) if alternative == "two-sided" else t_sf(t, df) if alternative == "greater" else t_sf(-t, df)
    if alternative == "two-sided":
        q = t_two_sided_quantile(1 - confidence, df)
    else:
        q = mpmath.findroot(lambda x: 1 - t_sf(x, df) - mpmath.mpf(confidence), mpmath.mpf(stats.t.ppf(confidence, float(df))))
    lower = -math.inf if alternative == "less" else float(diff - q * se)
    upper = math.inf if alternative == "greater" else float(diff + q * se)
    edges.append({"a": a, "b": b, "alternative": alternative, "confidence": confidence, "t": num(float(t)), "pValue": num(float(p)), "degreesOfFreedom": num(float(df)),
                  "lower": num(lower), "upper": num(upper), "call": "mpmath (40 digits): Welch t, tail by the incomplete beta, quantile by findroot"})
out["twoSampleTTestEdges"] = edges

mi = []
for values, confidence in [([12, 0, 30, 18, 0, 45, 22, 9], 0.95), (skewed_b, 0.99), ([3.0, 4.5], 0.95), ({"mean": 41.2, "standardDeviation": 88.5, "count": 12000}, 0.999999),
                           ({"mean": 7.5, "standardDeviation": 2.0, "count": 4}, 0.5), (list(np.round(rng.normal(1e9, 50, 200), 1)), 0.95),
                           ([1.0, 2.0], 0.999999), ([1.0, 2.0], 1 - 1e-10)]:
    s_ = values if isinstance(values, dict) else summary(values)
    q = t_two_sided_quantile(1 - confidence, s_["count"] - 1)
    se = mpmath.mpf(s_["standardDeviation"]) / mpmath.sqrt(s_["count"])
    mi.append({"sample": values if isinstance(values, dict) else [float(v) for v in values], "confidence": confidence, "mean": num(s_["mean"]),
               "lower": num(float(s_["mean"] - q * se)), "upper": num(float(s_["mean"] + q * se)), "standardError": num(float(se)),
               "call": "mean -/+ mpmath t quantile(1 - confidence, n - 1) * sd / sqrt(n), numpy mean and std(ddof=1)"})
out["meanInterval"] = mi

# --- multiple comparisons --------------------------------------------------------------------
vectors = [[0.01, 0.04, 0.03, 0.005], [0.0, 1.0, 0.5, 0.5, 0.02], [1e-12, 3e-9, 0.2, 0.049, 0.051, 0.9, 0.0007],
           [0.05], [0.3, 0.3, 0.3], list(np.round(np.linspace(0.001, 0.2, 25), 6)), [1e-300, 1e-200, 0.5],
           # p-values on the decision boundaries (review): three equal 0.05 under BH, Holm's and Bonferroni's alpha / m
           [0.05, 0.05, 0.05], [0.025, 0.05], [0.0125, 0.025, 0.0375, 0.05], [0.025, 0.025], [0.01, 0.02, 0.03, 0.04, 0.05],
           # Hommel rejects 0.021 here and Hochberg nothing; next to Šidák's level 1 - 0.95^(1/2) = 0.0253206 (on it, numpy's
           # power and JavaScript's differ in the last bit)
           [0.021, 0.027, 0.068], [0.02, 0.03, 0.04], [0.02532, 0.5], [0.025321, 0.5],
           list(np.round(np.random.RandomState(7).uniform(0, 0.1, 40), 6))]
mc = []
for v in vectors:
    for method, sm in [("bonferroni", "bonferroni"), ("sidak", "sidak"), ("holm", "holm"), ("holm-sidak", "holm-sidak"),
                       ("hochberg", "simes-hochberg"), ("hommel", "hommel"), ("bh", "fdr_bh"), ("by", "fdr_by")]:
        reject, adj, _, _ = multipletests(v, alpha=0.05, method=sm)
        mc.append({"pValues": [float(x) for x in v], "method": method, "alpha": 0.05, "adjusted": [num(x) for x in adj], "reject": [bool(x) for x in reject],
                   "call": f"multipletests({[float(x) for x in v]}, alpha=0.05, method='{sm}')"})
out["adjustPValues"] = mc

# --- PSI, NPS, disparate impact --------------------------------------------------------------
psi = []
for e, a, eps in [([100, 200, 300, 400], [120, 180, 320, 380], 1e-4), ([50, 0, 50], [40, 10, 50], 1e-4), ([50, 0, 50], [40, 10, 50], 1e-3),
                  ([10, 20, 30, 40, 0], [40, 30, 20, 10, 0], 1e-4), ([1, 1, 1, 1], [1, 0, 0, 3], 1e-4)]:
    E = np.array(e, float) / sum(e)
    A = np.array(a, float) / sum(a)
    total = 0.0
    for ei, ai in zip(E, A):
        if ei == 0 and ai == 0:
            continue
        ei = eps if ei == 0 else ei
        ai = eps if ai == 0 else ai
        total += (ai - ei) * math.log(ai / ei)
    psi.append({"expected": e, "actual": a, "zeroReplacement": eps, "value": total, "call": "numpy: sum((a - e) * ln(a / e)), zero proportions replaced by eps, both-zero bins skipped"})
out["populationStabilityIndex"] = psi

nps = []
for P, Pa, D, conf in [(50, 30, 20, 0.95), (10, 0, 0, 0.95), (120, 300, 80, 0.9), (3, 4, 13, 0.99), (0, 5, 0, 0.95)]:
    for method, added in [("wald", 0), ("adjustedWald", 3)]:
        # adjustedWald (Rocks 2016): 3/4 promoter and 3/4 detractor added, n + 3, interval centred on the adjusted score
        n = P + Pa + D
        v = 100 * (P - D) / n
        m = n + added
        pp, pd = (P + added / 4) / m, (D + added / 4) / m
        se = math.sqrt(max(0.0, (pp + pd - (pp - pd) ** 2) / m))
        z = stats.norm.isf((1 - conf) / 2)
        c = 100 * (pp - pd)
        defined = se > 0
        nps.append({"promoters": P, "passives": Pa, "detractors": D, "confidence": conf, "method": method, "value": v, "standardError": 100 * se,
                    "lower": max(-100, c - z * 100 * se) if defined else None, "upper": min(100, c + z * 100 * se) if defined else None, "defined": defined,
                    "call": "trinomial variance on the (adjusted) counts, z = scipy.stats.norm.isf((1-conf)/2); zero variance: bounds not defined"})
out["netPromoterScore"] = nps

dis = []
for groups in [[("women", 60, 200), ("men", 100, 200)], [("a", 45, 100), ("b", 50, 100), ("c", 30, 90)]]:
    ref = max(groups, key=lambda g: g[1] / g[2])
    rows = []
    for g, inc, tot in groups:
        if (g, inc, tot) == ref:
            rows.append({"group": g, "z": "NaN", "pValue": "NaN"})
            continue
        z, p = proportions_ztest([inc, ref[1]], [tot, ref[2]])
        rows.append({"group": g, "z": num(z), "pValue": num(p)})
    dis.append({"groups": [{"group": g, "included": i, "total": t} for g, i, t in groups], "rows": rows,
                "call": "proportions_ztest([included_g, included_ref], [total_g, total_ref]) for each non-reference group"})
out["disparateImpact"] = dis

def mp_fisher(t, alt):
    """Fisher's exact p-value summed in 40-digit mpmath over the hypergeometric terms that matter
    (down to 1e-35 of the largest). scipy's hypergeometric tails lose about 1e-9 relative at 10^7
    members, so the large tables take their reference from here."""
    (a, b), (c, d) = t
    r1, r2, c1 = a + b, c + d, a + c
    n = r1 + r2
    low, high = max(0, c1 - r2), min(r1, c1)
    mode = min(high, max(low, ((c1 + 1) * (r1 + 1)) // (n + 2)))
    log_mode = mpmath.log(mpmath.binomial(r1, mode)) + mpmath.log(mpmath.binomial(r2, c1 - mode)) - mpmath.log(mpmath.binomial(n, c1))
    weights = {mode: mpmath.exp(log_mode)}
    floor = weights[mode] * mpmath.mpf(10) ** -35
    k, w = mode, weights[mode]
    while k < high:
        w = w * (r1 - k) * (c1 - k) / ((k + 1) * (r2 - c1 + k + 1)); k += 1
        if w < floor: break
        weights[k] = w
    k, w = mode, weights[mode]
    while k > low:
        w = w * k * (r2 - c1 + k) / ((r1 - k + 1) * (c1 - k + 1)); k -= 1
        if w < floor: break
        weights[k] = w
    observed = weights.get(a, mpmath.mpf(0))
    if alt == "less":
        return mpmath.fsum(v for k, v in weights.items() if k <= a)
    if alt == "greater":
        return mpmath.fsum(v for k, v in weights.items() if k >= a)
    # scipy 1.10's tolerance for ties (gamma = 1 + 1e-14); in 40 digits exact ties stay exactly equal.
    return mpmath.fsum(v for v in weights.values() if v <= observed * (1 + mpmath.mpf(10) ** -14))


fisher = []
for t in [[[8, 2], [1, 5]], [[3, 1], [1, 3]], [[0, 5], [5, 0]], [[20, 380], [45, 355]], [[1, 99], [12, 88]], [[2, 8], [40, 20]],
          [[0, 10], [0, 7]], [[10, 0], [0, 10]], [[300, 700], [420, 580]], [[5, 0], [3, 2]],
          # large tables (review): the hypergeometric window, not the whole support
          [[4000000, 6000000], [4002000, 5998000]], [[400000000, 600000000], [400010000, 599990000]],
          [[1000000, 9000000], [1100000, 8900000]],
          # tables within 1e-7 but not 1e-14 of a tie (review: a 1e-7 tolerance summed them, 21 % off scipy)
          [[257, 236], [908, 558]], [[438, 481], [452, 490]],
          # exact ties far from the mode (symmetric margins)
          [[30, 70], [70, 30]], [[1, 499], [499, 1]]]:
    for alt in ["two-sided", "greater", "less"]:
        odds, p = stats.fisher_exact(t, alternative=alt)
        call = f"scipy.stats.fisher_exact({t}, alternative='{alt}')"
        if sum(map(sum, t)) > 1000000:
            p = mp_fisher(t, alt)
            call = f"mpmath (40 digits) hypergeometric sum for {t}, alternative='{alt}' (odds ratio from scipy)"
        fisher.append({"table": t, "alternative": alt, "pValue": num(p), "oddsRatio": num(odds), "call": call})
out["fisherExactTest"] = fisher

# --- planning for means: Student's t test power under the noncentral t (metrics review: revenue per user could not be planned)
def nct_cdf_mp(t, nu, d):
    """P(T <= t) for the noncentral t as E[Phi(t sqrt(V/nu) - d)], V ~ chi2(nu), by mpmath quadrature: independent of the series."""
    t, nu, d = mpmath.mpf(t), mpmath.mpf(nu), mpmath.mpf(d)
    k = nu / 2
    logc = -k * mpmath.log(2) - mpmath.loggamma(k)
    f = lambda v: mpmath.exp(logc + (k - 1) * mpmath.log(v) - v / 2) * mpmath.ncdf(t * mpmath.sqrt(v / nu) - d)
    w = 40 * mpmath.sqrt(2 * nu)
    return mpmath.quad(f, [0] + [x for x in [nu - w, nu - w / 4, nu, nu + w / 4, nu + w] if x > 0] + [mpmath.inf])


nct_cases = []
for t, nu, d in [(1.96, 10, 2.5), (2.0, 100, 2.8), (-1.5, 5, 0.7), (0.5, 3, -1.2), (1.97, 2e6, 2.8), (3, 20, 10), (-2, 30, -3), (0, 7, 1.1), (1.2, 1.5, 0.3), (2.2, 50, 0), (12.7, 1, 4.3), (-4, 8, -9)]:
    c = nct_cdf_mp(t, nu, d)
    nct_cases.append({"t": t, "degreesOfFreedom": nu, "noncentrality": d, "cdf": num(c), "sf": num(1 - c), "scipyCdf": num(stats.nct.cdf(t, nu, d)),
                      "call": f"E[Phi(t sqrt(V/nu) - d)] by mpmath.quad at 30 digits; scipy.stats.nct.cdf({t}, {nu}, {d}) (Boost) for comparison"})
out["noncentralT"] = nct_cases

mpmath.mp.dps = 30
mean_power = []
for d, n, ratio, alternative, alpha in [(0.5 / 18, 10000.0, 1.0, "two-sided", 0.05), (0.2, 50.0, 1.0, "two-sided", 0.05), (0.5, 5.0, 1 / 9, "two-sided", 0.05),
                                        (0.8, 20.0, 3.0, "greater", 0.01), (-0.3, 40.0, 0.5, "less", 0.1), (0.3, 40.0, 0.5, "less", 0.1), (1.5, 3.0, 1.0, "two-sided", 0.2), (0.0, 30.0, 1.0, "two-sided", 0.05)]:
    n2 = ratio * n
    nu = n + n2 - 2
    nc = d / math.sqrt(1 / n + 1 / n2)
    if alternative == "two-sided":
        crit = t_two_sided_quantile(alpha, nu)
        value = (1 - nct_cdf_mp(crit, nu, nc)) + nct_cdf_mp(-crit, nu, nc)
    else:
        crit = t_two_sided_quantile(2 * alpha, nu)
        value = 1 - nct_cdf_mp(crit, nu, nc) if alternative == "greater" else nct_cdf_mp(-crit, nu, nc)
    mean_power.append({"effectSize": d, "perArm": n, "ratio": ratio, "alternative": alternative, "alpha": alpha, "power": num(value),
                       "statsmodels": num(TTestIndPower().power(d, n, alpha, ratio=ratio, alternative=sm_alternative[alternative])),
                       "call": f"mpmath: t quantile from betainc, noncentral t by quadrature; statsmodels TTestIndPower().power({d}, {n}, {alpha}, ratio={ratio}, alternative='{sm_alternative[alternative]}') (scipy's t.isf is about 1e-10 off at small df)"})
out["meanPower"] = mean_power

mean_sizes = []
for d, ratio, alternative, alpha, power in [(0.5 / 18, 1.0, "two-sided", 0.05, 0.8), (0.2, 1.0, "two-sided", 0.05, 0.8), (0.5, 1 / 9, "two-sided", 0.05, 0.8), (0.8, 3.0, "greater", 0.01, 0.9),
                                            (-0.3, 0.5, "less", 0.1, 0.5), (1.5, 1.0, "two-sided", 0.05, 0.8), (0.05, 2.0, "two-sided", 0.05, 0.95), (-0.049, 1 / 9, "two-sided", 0.05, 0.8)]:
    n = TTestIndPower().solve_power(effect_size=d, nobs1=None, alpha=alpha, power=power, ratio=ratio, alternative=sm_alternative[alternative])
    mean_sizes.append({"effectSize": d, "ratio": ratio, "alternative": alternative, "alpha": alpha, "power": power, "exact": num(n), "relative": 1e-8,
                       "call": f"TTestIndPower().solve_power({d}, None, {alpha}, {power}, ratio={ratio}, alternative='{sm_alternative[alternative]}') (brentq: about 1e-8)"})
out["meanSampleSize"] = mean_sizes

mean_effects = []
for n, ratio, alternative, alpha, power in [(10000.0, 1.0, "two-sided", 0.05, 0.8), (50.0, 1.0, "two-sided", 0.05, 0.9), (600.0, 1 / 9, "two-sided", 0.05, 0.8),
                                            (30.0, 3.0, "greater", 0.01, 0.8), (200.0, 0.5, "less", 0.1, 0.5), (5.0, 1.0, "two-sided", 0.2, 0.5)]:
    # solve_power(effect_size=None) stops early (power 0.80005 at its answer for n = 10000); brentq on TTestIndPower().power
    # to 1e-15 is limited only by scipy's t quantile (power about 1e-10 off at small df).
    sign = -1 if alternative == "less" else 1
    gap = lambda d: TTestIndPower().power(sign * d, n, alpha, ratio=ratio, alternative=sm_alternative[alternative]) - power
    d = sign * optimize.brentq(gap, 1e-9, 50, xtol=1e-16, rtol=1e-15, maxiter=500)
    loose = TTestIndPower().solve_power(effect_size=None, nobs1=n, alpha=alpha, power=power, ratio=ratio, alternative=sm_alternative[alternative])
    mean_effects.append({"perArm": n, "ratio": ratio, "alternative": alternative, "alpha": alpha, "power": power, "effectSize": num(d), "relative": 1e-8, "solvePower": num(loose),
                         "call": f"brentq on TTestIndPower().power(d, {n}, {alpha}, ratio={ratio}, alternative='{sm_alternative[alternative]}') - {power}, xtol 1e-16; solvePower = its solve_power(effect_size=None)"})
out["meanDetectableEffect"] = mean_effects

# --- compareSegments: two-sided pooled z tests per segment, then one correction across the tested family
segment_arms = [("new", 260, 5000, 200, 5000), ("returning", 310, 4000, 300, 4000), ("mobile", 192, 3000, 150, 3000)]
segment_p = [float(proportions_ztest([t, c], [nt, nc], value=0, alternative="two-sided")[1]) for _, t, nt, c, nc in segment_arms]
compare = []
for method, sm in [("holm", "holm"), ("bh", "fdr_bh")]:
    reject, adj, _, _ = multipletests(segment_p, alpha=0.05, method=sm)
    compare.append({"segments": [{"segment": name, "treatment": {"successes": t, "trials": nt}, "control": {"successes": c, "trials": nc}} for name, t, nt, c, nc in segment_arms],
                    "correction": method, "pValues": [num(x) for x in segment_p], "adjusted": [num(x) for x in adj], "significant": [bool(x) for x in reject],
                    "call": f"proportions_ztest per segment (treatment, control), then multipletests(p, alpha=0.05, method='{sm}')"})
out["compareSegments"] = compare

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
print("wrote", path)
