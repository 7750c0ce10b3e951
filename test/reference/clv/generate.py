"""Independent reference values for segmentkit/clv.

Run with Debian's python (scipy + mpmath):  /usr/bin/python3 test/reference/clv/generate.py
Writes test/reference/clv/reference.json.

- hyp2f1: mpmath at 50 digits (log of the value), including BTYD regimes where scipy overflows.
- BG/NBD and Pareto/NBD individual likelihoods by numeric integration over the latent rates
  (scipy.integrate), independent of the closed forms used in src/clv.
- BG/BB likelihood by brute-force enumeration over the death opportunity with numeric integration
  over p and theta.
- Unconditional E[X(t)] of each model by one-dimensional mpmath quadrature of the expectation given
  the latent rates, independent of the closed forms (2F1, digamma limits) used in src/clv.
"""
import json, math, os
import mpmath
from scipy import integrate, stats

mpmath.mp.dps = 50
out = {}

hyp = []
cases = [
    (1, 1, 2, 0.5), (0.5, 2.3, 3.1, 0.25), (302.24, 302.4, 303.2, 52 / (4.4 + 38 + 52)),
    (10.465 + 400 + 3.05, 3.05 + 1, 10.465 + 400 + 3.05 + 1, 0.99),
    (2.2426, 4.4258, 2.2186, 39 / (4.414 + 38.86 + 39)), (26.243, 28.426, 28.219, 52 / (4.414 + 31 + 52)),
    (1000.24, 1002.4, 1002.2, 1000 / (4.4 + 1000 + 1000)), (0.3, 0.7, 1.9, 0.999), (3.0, 2.0, 1.5, -0.7),
    (1.5, 2.5, 4.0, -5.0), (5.2, 1.1, 7.3, 0.9), (0.553 + 0.606 + 10, 0.606 + 1, 0.553 + 0.606 + 11, 1.09 / 21.7),
]
for a, b, c, z in cases:
    value = mpmath.hyp2f1(a, b, c, z)
    hyp.append({"a": a, "b": b, "c": c, "z": z, "log": float(mpmath.log(value))})
out["hyp2f1"] = hyp

# BG/NBD: lambda ~ Gamma(r, alpha) (rate alpha), p ~ Beta(a, b). Given lambda, p:
# L = (1-p)^x lambda^x e^{-lambda T} + delta_{x>0} p (1-p)^{x-1} lambda^x e^{-lambda t_x}
def bgnbd_ll(r, alpha, a, b, x, tx, T):
    def inner(p):
        # integrate lambda analytically? no: numeric over lambda too, via quad in log-space safe ranges
        def f(lam):
            g = stats.gamma.pdf(lam, r, scale=1 / alpha)
            v = (1 - p) ** x * lam ** x * math.exp(-lam * T)
            if x > 0:
                v += p * (1 - p) ** (x - 1) * lam ** x * math.exp(-lam * tx)
            return g * v
        return integrate.quad(f, 0, math.inf, limit=200, epsabs=0, epsrel=1e-11)[0] * stats.beta.pdf(p, a, b)
    value = integrate.quad(inner, 0, 1, limit=200, epsabs=0, epsrel=1e-10)[0]
    return math.log(value)

# Pareto/NBD: lambda ~ Gamma(r, alpha), mu ~ Gamma(s, beta), tau ~ Exp(mu).
# L | lambda, mu = lambda^x e^{-(lambda+mu)T} + lambda^x mu/(lambda+mu) (e^{-(lambda+mu)t_x} - e^{-(lambda+mu)T})
def pareto_ll(r, alpha, s, beta, x, tx, T):
    def inner(mu):
        def f(lam):
            g = stats.gamma.pdf(lam, r, scale=1 / alpha)
            k = lam + mu
            v = lam ** x * math.exp(-k * T) + lam ** x * mu / k * (math.exp(-k * tx) - math.exp(-k * T))
            return g * v
        return integrate.quad(f, 0, math.inf, limit=200, epsabs=0, epsrel=1e-11)[0] * stats.gamma.pdf(mu, s, scale=1 / beta)
    value = integrate.quad(inner, 0, math.inf, limit=200, epsabs=0, epsrel=1e-10)[0]
    return math.log(value)

bg_params = (0.243, 4.414, 0.793, 2.426)
pa_params = (0.553, 10.578, 0.606, 11.669)
customers = [(0, 0, 38.86), (2, 30.43, 38.86), (7, 29.43, 38.86), (1, 1.71, 32.0), (14, 35.1, 36.0)]
out["bgnbd"] = {"params": bg_params, "rows": [{"x": x, "tx": tx, "T": T, "ll": bgnbd_ll(*bg_params, x, tx, T)} for x, tx, T in customers]}
out["paretonbd"] = {"params": pa_params, "rows": [{"x": x, "tx": tx, "T": T, "ll": pareto_ll(*pa_params, x, tx, T)} for x, tx, T in customers]}
# alpha < beta and alpha > beta branches of Pareto/NBD
pa2 = (1.2, 15.0, 0.9, 4.0)
out["paretonbd_alpha_above_beta"] = {"params": pa2, "rows": [{"x": x, "tx": tx, "T": T, "ll": pareto_ll(*pa2, x, tx, T)} for x, tx, T in customers]}

# BG/BB: p ~ Beta(alpha, beta) transaction prob, theta ~ Beta(gamma, delta) death prob, n opportunities.
# Given p, theta: alive through n: p^x (1-p)^{n-x} (1-theta)^n; died after opportunity t_x + j (j < n - t_x):
# p^x (1-p)^{t_x - x + j} theta (1-theta)^{t_x + j}
def bgbb_ll(al, be, ga, de, x, tx, n):
    def f(p, th):
        v = p ** x * (1 - p) ** (n - x) * (1 - th) ** n
        for j in range(n - tx):
            v += p ** x * (1 - p) ** (tx - x + j) * th * (1 - th) ** (tx + j)
        return v * stats.beta.pdf(p, al, be) * stats.beta.pdf(th, ga, de)
    value = integrate.dblquad(lambda th, p: f(p, th), 0, 1, 0, 1, epsabs=0, epsrel=1e-10)[0]
    return math.log(value)

bb = (1.204, 0.750, 0.657, 2.783)
out["bgbb"] = {"params": bb, "rows": [{"x": x, "tx": tx, "n": n, "ll": bgbb_ll(*bb, x, tx, n)} for x, tx, n in [(0, 0, 6), (2, 4, 6), (6, 6, 6), (1, 1, 6), (3, 5, 6)]]}

# Unconditional E[X(t)]: the expectation given the latent rates, averaged over their mixing distributions.
# Pareto/NBD: E[X(t) | lambda, mu] = (lambda / mu)(1 - e^{-mu t}), so E = (r / alpha) E_mu[(1 - e^{-mu t}) / mu].
# BG/NBD: E[X(t) | lambda, p] = (1 - e^{-lambda p t}) / p and E_lambda[e^{-lambda p t}] = (alpha / (alpha + p t))^r.
# MBG/NBD: as BG/NBD with the extra death at the first purchase, a factor (1 - p).
# BG/BB: E[X(n) | p, theta] = p (1 - theta) / theta (1 - (1 - theta)^n).
def beta_pdf(p, a, b):
    return p ** (a - 1) * (1 - p) ** (b - 1) / mpmath.beta(a, b)

def gamma_pdf(x, shape, rate):
    return rate ** shape * x ** (shape - 1) * mpmath.exp(-rate * x) / mpmath.gamma(shape)

def population_expected(kind, params, t):
    t = mpmath.mpf(t)
    if kind == "Pareto/NBD":
        r, alpha, s, beta = map(mpmath.mpf, params)
        return r / alpha * mpmath.quad(lambda mu: -mpmath.expm1(-mu * t) / mu * gamma_pdf(mu, s, beta), [0, 1, 10, mpmath.inf])
    if kind in ("BG/NBD", "MBG/NBD"):
        r, alpha, a, b = map(mpmath.mpf, params)
        died_at_first = kind == "MBG/NBD"
        return mpmath.quad(lambda p: (1 - p if died_at_first else 1) * (1 - (alpha / (alpha + p * t)) ** r) / p * beta_pdf(p, a, b), [0, 0.5, 1])
    al, be, ga, de = map(mpmath.mpf, params)
    return al / (al + be) * mpmath.quad(lambda th: (1 - th) / th * (1 - (1 - th) ** t) * beta_pdf(th, ga, de), [0, 0.5, 1])

population = [
    ("Pareto/NBD", (0.5533971, 10.5801985, 0.6060625, 11.6562237), [1, 2, 9, 52]),  # BTYD's CDNOW estimate
    ("Pareto/NBD", (1.2, 15.0, 2.5, 4.0), [0.5, 39, 400]),
    ("BG/NBD", (0.2425982, 4.413684, 0.7929899, 2.426167), [1, 52, 78]),  # BTYD's CDNOW estimate
    ("BG/NBD", (2.5, 3.0, 3.5, 0.4), [0.25, 39, 1000]),
    ("MBG/NBD", (0.525, 6.183, 0.891, 1.614), [10, 39]),
    ("MBG/NBD", (1.5, 2.0, 2.5, 4.0), [3, 200]),
    ("BG/BB", (1.204, 0.750, 0.657, 2.783), [5, 6, 11]),
]
out["population"] = [
    {"kind": kind, "params": params, "t": t, "expected": float(population_expected(kind, params, t))}
    for kind, params, times in population for t in times
]

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")
with open(path, "w") as handle:
    json.dump(out, handle, indent=1)
print("wrote", path)
