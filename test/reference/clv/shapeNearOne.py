"""BG/NBD and MBG/NBD expectations at and near a = 1, and BG/BB ones at and near gamma = 1, where
the closed forms are 0/0.

Run with Debian's python:  /usr/bin/python3 test/reference/clv/shapeNearOne.py
Writes test/reference/clv/shape-near-one.json. mpmath at 80 digits evaluates the closed forms
directly (the cancellation costs at most 40 digits at |a - 1| = 1e-40); a = 1 itself is taken as
a = 1 + 1e-40, whose value differs from the limit by about 1e-40 relative.
"""
import json, os
import mpmath

mpmath.mp.dps = 80
r, alpha, b = mpmath.mpf("0.243"), mpmath.mpf("4.414"), mpmath.mpf("2.426")
x, tx, T, t = 2, mpmath.mpf(30), mpmath.mpf(38), mpmath.mpf(39)


def conditional(a, modified):
    shift = 1 if modified else 0
    z = t / (alpha + T + t)
    bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * mpmath.hyp2f1(r + x, b + x + shift, a + b + x - 1 + shift, z)
    odds = a / (b + x - 1 + shift) * ((alpha + T) / (alpha + tx)) ** (r + x)
    return (a + b + x - 1 + shift) / (a - 1) * bracket / (1 + odds)


def population(a, modified):
    z = t / (alpha + t)
    if modified:
        return b / (a - 1) * (1 - (alpha / (alpha + t)) ** r * mpmath.hyp2f1(r, b + 1, a + b, z))
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * mpmath.hyp2f1(r, b, a + b - 1, z))


rows = []
for label in ["1", "1e-14", "-1e-14", "1e-12", "-1e-10", "1e-6", "-1e-6", "5e-6", "-5e-6", "1e-5", "5e-5", "-5e-5", "1e-4", "0.1"]:
    gap = mpmath.mpf("1e-40") if label == "1" else mpmath.mpf(label)
    a = 1 + gap
    rows.append({
        "a": float(a), "gap": label,
        "bgConditional": float(conditional(a, False)), "bgPopulation": float(population(a, False)),
        "mbgConditional": float(conditional(a, True)), "mbgPopulation": float(population(a, True)),
    })
# Short horizons (review): z = t / (alpha + T + t) far below 1, where the closed form lost about
# 1e-16 / (|a - 1| z) relative. Any customer, BG/NBD (the odds term only for x > 0) and MBG/NBD.
def conditional_at(r, alpha, a, b, x, tx, T, t, modified):
    r, alpha, a, b, tx, T, t = (mpmath.mpf(v) for v in (r, alpha, a, b, tx, T, t))
    shift = 1 if modified else 0
    z = t / (alpha + T + t)
    bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * mpmath.hyp2f1(r + x, b + x + shift, a + b + x - 1 + shift, z)
    odds = 0 if (x == 0 and not modified) else a / (b + x - 1 + shift) * ((alpha + T) / (alpha + tx)) ** (r + x)
    return (a + b + x - 1 + shift) / (a - 1) * bracket / (1 + odds)


def population_at(r, alpha, a, b, t, modified):
    r, alpha, a, b, t = (mpmath.mpf(v) for v in (r, alpha, a, b, t))
    z = t / (alpha + t)
    if modified:
        return b / (a - 1) * (1 - (alpha / (alpha + t)) ** r * mpmath.hyp2f1(r, b + 1, a + b, z))
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * mpmath.hyp2f1(r, b, a + b - 1, z))


short = []
for r_, alpha_, b_ in [("0.5", "2", "3"), ("0.243", "4.414", "2.426")]:
    for label in ["1", "1e-5", "-1e-5", "1e-3", "0.3", "-0.5"]:
        gap = mpmath.mpf("1e-40") if label == "1" else mpmath.mpf(label)
        a = 1 + gap
        for x_, tx_, T_, t_ in [(0, "0", "10000", "1"), (500, "77", "78", "1"), (0, "0", "38.86", "1e-6"), (2, "30", "38", "0.5"), (1, "5", "38", "1e-3")]:
            row = {"r": float(mpmath.mpf(r_)), "alpha": float(mpmath.mpf(alpha_)), "b": float(mpmath.mpf(b_)), "a": float(a), "gap": label,
                   "customer": {"frequency": x_, "recency": float(mpmath.mpf(tx_)), "T": float(mpmath.mpf(T_))}, "horizon": float(mpmath.mpf(t_))}
            row["bgConditional"] = float(conditional_at(r_, alpha_, a, b_, x_, tx_, T_, t_, False))
            row["mbgConditional"] = float(conditional_at(r_, alpha_, a, b_, x_, tx_, T_, t_, True))
            row["bgPopulation"] = float(population_at(r_, alpha_, a, b_, t_, False))
            row["mbgPopulation"] = float(population_at(r_, alpha_, a, b_, t_, True))
            short.append(row)

# BG/BB (Fader, Hardie and Shang 2010, eqs. 5 and 13), gamma near 1.
al, be, de = mpmath.mpf("1.204"), mpmath.mpf("0.750"), mpmath.mpf("2.783")
bx, btx, bn, bm = 2, 4, 6, 5
B = mpmath.beta


def bgbb_likelihood(ga):
    value = B(al + bx, be + bn - bx) / B(al, be) * B(ga, de + bn) / B(ga, de)
    for i in range(bn - btx):
        value += B(al + bx, be + btx - bx + i) / B(al, be) * B(ga + 1, de + btx + i) / B(ga, de)
    return value


def bgbb_conditional(ga):
    G = mpmath.gamma
    bracket = G(1 + de + bn) / G(ga + de + bn) - G(1 + de + bn + bm) / G(ga + de + bn + bm)
    return B(al + bx + 1, be + bn - bx) / B(al, be) * de / (ga - 1) * G(ga + de) / G(1 + de) * bracket / bgbb_likelihood(ga)


def bgbb_population(ga):
    G = mpmath.gamma
    return al / (al + be) * de / (ga - 1) * (1 - G(ga + de) * G(1 + de + bn) / (G(ga + de + bn) * G(1 + de)))


bb_rows = []
for label in ["1", "1e-14", "-1e-12", "1e-8", "-1e-8", "5e-5", "-5e-5", "1e-4", "2e-4", "-0.343"]:
    gap = mpmath.mpf("1e-40") if label == "1" else mpmath.mpf(label)
    ga = 1 + gap
    bb_rows.append({"gamma": float(ga), "gap": label, "conditional": float(bgbb_conditional(ga)), "population": float(bgbb_population(ga))})

# Long histories and gamma near 1 (review): log-gamma differences at n = 10^4 kept only 11 digits.
def bgbb_conditional_for(al_, be_, ga, de_, x_, tx_, n_, m_):
    al_, be_, ga, de_ = (mpmath.mpf(v) for v in (al_, be_, ga, de_))
    G = mpmath.gamma
    likelihood = B(al_ + x_, be_ + n_ - x_) / B(al_, be_) * B(ga, de_ + n_) / B(ga, de_)
    for i in range(n_ - tx_):
        likelihood += B(al_ + x_, be_ + tx_ - x_ + i) / B(al_, be_) * B(ga + 1, de_ + tx_ + i) / B(ga, de_)
    bracket = mpmath.exp(mpmath.loggamma(1 + de_ + n_) - mpmath.loggamma(ga + de_ + n_)) - mpmath.exp(mpmath.loggamma(1 + de_ + n_ + m_) - mpmath.loggamma(ga + de_ + n_ + m_))
    return B(al_ + x_ + 1, be_ + n_ - x_) / B(al_, be_) * de_ / (ga - 1) * G(ga + de_) / G(1 + de_) * bracket / likelihood


def bgbb_population_for(al_, be_, ga, de_, n_):
    al_, be_, ga, de_ = (mpmath.mpf(v) for v in (al_, be_, ga, de_))
    ratio = mpmath.exp(mpmath.loggamma(ga + de_) + mpmath.loggamma(1 + de_ + n_) - mpmath.loggamma(ga + de_ + n_) - mpmath.loggamma(1 + de_))
    return al_ / (al_ + be_) * de_ / (ga - 1) * (1 - ratio)


long_rows = []
for al_, be_, de_ in [("1.204", "0.750", "2.783"), ("1.2", "0.75", "2.8")]:
    for ga_label in ["0.657", "1.0002", "1.00005", "0.99999999", "1.3"]:
        for x_, tx_, n_, m_ in [(100, 10000, 10000, 1), (100, 10000, 10000, 5), (3, 6, 6, 100), (2, 4, 6, 5), (40, 900, 1000, 52)]:
            long_rows.append({"alpha": float(mpmath.mpf(al_)), "beta": float(mpmath.mpf(be_)), "gamma": float(mpmath.mpf(ga_label)), "delta": float(mpmath.mpf(de_)),
                              "customer": {"frequency": x_, "recency": tx_, "periods": n_}, "horizon": m_,
                              "conditional": float(bgbb_conditional_for(al_, be_, ga_label, de_, x_, tx_, n_, m_)),
                              "population": float(bgbb_population_for(al_, be_, ga_label, de_, n_))})

out = {"params": {"r": 0.243, "alpha": 4.414, "b": 2.426}, "customer": {"frequency": x, "recency": 30, "T": 38}, "horizon": 39, "rows": rows, "shortHorizons": short,
       "bgbb": {"params": {"alpha": 1.204, "beta": 0.750, "delta": 2.783}, "customer": {"frequency": bx, "recency": btx, "periods": bn}, "horizon": bm, "rows": bb_rows, "longHistories": long_rows}}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shape-near-one.json")
with open(path, "w") as handle:
    json.dump(out, handle, indent=1)
print("wrote", path)
