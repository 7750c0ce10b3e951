"""P(exactly n purchases in the next t | x, t_x, T) for the four purchase models, from the individual level.

Run with Debian's python:  /usr/bin/python3 test/reference/clv/conditionalCount.py
Writes test/reference/clv/conditional-count.json. mpmath at 60 digits. Each value is
P(data and n purchases in (T, T + t]) / P(data), where the future count is written for given rates and
integrated over the priors, and nothing is taken from segmentkit's route (a new customer with posterior
parameters):

- BG/NBD and MBG/NBD: given lambda and p and alive at T, n purchases in t means n Poisson events and
  survival of all n coin flips, or death at the n-th flip with at least n events:
  (1-p)^n Pois(n; lambda t) + [n > 0] p (1-p)^(n-1) P(Pois(lambda t) >= n). Times the alive branch
  (1-p)^(x[+1]) lambda^x e^(-lambda T), the gamma and beta integrals are closed forms; the dead branch
  (FHL 2005 eq. 6) adds to n = 0;
- Pareto/NBD: given lambda and mu and alive at T, e^(-mu t) Pois(n; lambda t) + integral over the dropout
  time tau in (0, t] of mu e^(-mu tau) Pois(n; lambda tau); times lambda^x e^(-(lambda+mu) T), the
  gamma integrals are closed forms and the tau integral is mpmath.quad. The dead branch is the integral
  over the dropout time in (t_x, T], and alive + dead must equal Fader & Hardie's likelihood (note 009,
  mpmath.hyp2f1) to 1e-40;
- BG/BB: given p and theta and alive at n, m more opportunities give Binomial(k; m, p) if the customer
  survives all m, Binomial(k; i - 1, p) if they die at opportunity n + i; beta integrals; the dead branch
  of Fader, Hardie & Shang's (2010) likelihood adds to k = 0.
"""
import json, os
import mpmath as mp
from likelihoods import CONTINUOUS_MODELS, CUSTOMERS, bg_terms, bgbb_likelihood, pareto_likelihood

mp.mp.dps = 60
mpf = mp.mpf


def gamma_moment(r, alpha, k, S):
    """E[lambda^k e^(-lambda S)] under Gamma(r, alpha)."""
    return mp.gamma(r + k) * alpha ** r / (mp.gamma(r) * (alpha + S) ** (r + k))


def bg(r, alpha, a, b, x, tx, T, t, n, modified):
    alive, dead = bg_terms(r, alpha, a, b, x, tx, modified)
    shift = 1 if modified else 0
    B = lambda u, v: mp.beta(u, v) / mp.beta(a, b)
    # E over lambda of lambda^x e^(-lambda T) Pois(j; lambda t)
    poisson = lambda j: t ** j / mp.factorial(j) * gamma_moment(r, alpha, x + j, T + t)
    value = B(a, b + x + shift + n) * poisson(n)
    if n > 0:
        at_least = gamma_moment(r, alpha, x, T) - mp.fsum(poisson(j) for j in range(n))
        value += B(a + 1, b + x + shift + n - 1) * at_least
    if n == 0:
        value += dead
    return value / (alive(T) + dead)


def breakpoints(lo, hi):
    points = [lo]
    step = mpf("1e-3")
    while lo + step < hi:
        points.append(lo + step)
        step *= 10
    points.append(hi)
    return points


def pareto(r, alpha, s, beta, x, tx, T, t, n):
    survive = lambda S: (beta / (beta + S)) ** s
    dropout_density = lambda S: s * beta ** s / (beta + S) ** (s + 1)
    alive = gamma_moment(r, alpha, x, T) * survive(T)
    dead = mp.quad(lambda tau: gamma_moment(r, alpha, x, tau) * dropout_density(tau), breakpoints(tx, T)) if T > tx else mpf(0)
    total = alive + dead
    assert abs(total / pareto_likelihood(r, alpha, s, beta, x, tx, T) - 1) < mpf("1e-40"), (x, tx, T)
    value = t ** n / mp.factorial(n) * gamma_moment(r, alpha, x + n, T + t) * survive(T + t)
    value += mp.quad(lambda tau: tau ** n / mp.factorial(n) * gamma_moment(r, alpha, x + n, T + tau) * dropout_density(T + tau), breakpoints(mpf(0), t))
    if n == 0:
        value += dead
    return value / total


def bgbb(al, be, ga, de, x, tx, n, m, k):
    B1 = lambda u, v: mp.beta(u, v) / mp.beta(al, be)
    B2 = lambda u, v: mp.beta(u, v) / mp.beta(ga, de)
    value = mp.binomial(m, k) * B1(al + x + k, be + n - x + m - k) * B2(ga, de + n + m) if k <= m else mpf(0)
    for i in range(k + 1, m + 1):
        value += mp.binomial(i - 1, k) * B1(al + x + k, be + n - x + i - 1 - k) * B2(ga + 1, de + n + i - 1)
    total = bgbb_likelihood(al, be, ga, de, x, tx, n)
    if k == 0:
        value += total - B1(al + x, be + n - x) * B2(ga, de + n)
    return value / total


cases = [("1e-6", [0, 1, 3]), ("0.5", [0, 1, 2]), ("4.3", [0, 1, 2, 5]), ("39", [0, 1, 2, 5, 20]), ("520", [0, 1, 5, 40, 200]), ("1e6", [0, 1, 3])]
rows = []
for kind, sets in CONTINUOUS_MODELS:
    for params in sets:
        p = [mpf(v) for v in params]
        for x, tx, T in CUSTOMERS:
            for t, counts in cases:
                for n in counts:
                    args = (x, mpf(tx), mpf(T), mpf(t), n)
                    value = pareto(*p, *args) if kind == "Pareto/NBD" else bg(*p, *args, kind == "MBG/NBD")
                    rows.append({"kind": kind, "params": [float(v) for v in p], "x": x, "tx": float(tx), "T": float(T), "t": float(t), "n": n, "value": float(value)})

bgbb_rows = []
for params in [("1.204", "0.750", "0.657", "2.783"), ("0.5", "2", "1", "3")]:
    p = [mpf(v) for v in params]
    for x, tx, n in [(0, 0, 6), (1, 1, 6), (3, 5, 6), (6, 6, 6), (4, 9, 11)]:
        for m, counts in [(1, [0, 1]), (2, [0, 1, 2]), (5, [0, 2, 5]), (50, [0, 1, 10, 30]), (1000, [0, 5, 300])]:
            for k in counts:
                bgbb_rows.append({"params": [float(v) for v in p], "x": x, "tx": tx, "n": n, "m": m, "k": k, "value": float(bgbb(*p, x, tx, n, m, k))})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conditional-count.json")
with open(path, "w") as handle:
    json.dump({"continuous": rows, "bgBb": bgbb_rows}, handle, indent=1)
    handle.write("\n")
print(f"wrote {path}: {len(rows)} continuous-time rows, {len(bgbb_rows)} BG/BB rows")
