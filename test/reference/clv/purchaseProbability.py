"""P(at least one purchase in the next t | x, t_x, T) for the four purchase models, from their joint likelihoods.

Run with Debian's python:  /usr/bin/python3 test/reference/clv/purchaseProbability.py
Writes test/reference/clv/purchase-probability.json. mpmath at 40 digits. Each value is
P(data and a purchase in (T, T + t]) / P(data), both integrated over the priors from the individual-level
likelihood, the denominator by the published closed forms:

- BG/NBD and MBG/NBD: the alive branch of the likelihood, (1-p)^(x[+1]) lambda^x e^(-lambda T), loses
  e^(-lambda t) when nothing is bought; the gamma and beta integrals are closed forms (lambda's through
  mpmath.gamma, p's through mpmath.beta);
- Pareto/NBD: given (lambda, mu) and alive at T, the customer buys first with probability lambda/(lambda+mu)
  if the first clock rings before t; 1/(lambda + mu) is written as an integral over w, which leaves the
  integral over (T, T + t] of E[lambda^(x+1) e^(-lambda v)] E[e^(-mu v)] (mpmath.quad), over the likelihood
  of Fader & Hardie's note 009 (mpmath.hyp2f1). For two rows a two-dimensional quadrature over
  (lambda, mu) must agree to 1e-12 (its own precision);
- BG/BB: the sum over k of P(first transaction at n + k and the data), beta functions, over the likelihood
  of Fader, Hardie & Shang (2010).
"""
import json, os
import mpmath as mp
from likelihoods import CONTINUOUS_MODELS, CUSTOMERS, bg_terms, bgbb_likelihood, pareto_likelihood

mp.mp.dps = 40
mpf = mp.mpf


def bg(r, alpha, a, b, x, tx, T, t, modified):
    alive, dead = bg_terms(r, alpha, a, b, x, tx, modified)
    return (alive(T) - alive(T + t)) / (alive(T) + dead)


def pareto(r, alpha, s, beta, x, tx, T, t):
    h = lambda v: mp.gamma(r + x + 1) * alpha ** r * beta ** s / (mp.gamma(r) * (alpha + v) ** (r + x + 1) * (beta + v) ** s)
    return mp.quad(h, [T, T + min(t, alpha + T), T + t] if t > alpha + T else [T, T + t]) / pareto_likelihood(r, alpha, s, beta, x, tx, T)


def pareto_two_dimensional(r, alpha, s, beta, x, tx, T, t):
    gl = lambda l: alpha ** r * l ** (r - 1) * mp.exp(-alpha * l) / mp.gamma(r)
    gm = lambda m: beta ** s * m ** (s - 1) * mp.exp(-beta * m) / mp.gamma(s)
    inner = lambda l, m: l ** (x + 1) / (l + m) * (mp.exp(-(l + m) * T) - mp.exp(-(l + m) * (T + t))) * gl(l) * gm(m)
    # over ln(lambda) and ln(mu), where the priors' powers are smooth
    f = lambda u, v: inner(mp.exp(u), mp.exp(v)) * mp.exp(u + v)
    value = mp.quad(f, [-60, -10, -3, 0, 3], [-60, -10, -3, 0, 3])
    return value / pareto_likelihood(r, alpha, s, beta, x, tx, T)


def bgbb(al, be, ga, de, x, tx, n, m):
    B = mp.beta
    total = mp.fsum(B(al + x + 1, be + n - x + k - 1) / B(al, be) * B(ga, de + n + k) / B(ga, de) for k in range(1, m + 1))
    return total / bgbb_likelihood(al, be, ga, de, x, tx, n)


horizons = ["1e-6", "0.5", "4.3", "39", "520", "1e6"]
rows = []
for kind, sets in CONTINUOUS_MODELS:
    for params in sets:
        p = [mpf(v) for v in params]
        for x, tx, T in CUSTOMERS:
            for t in horizons:
                args = (x, mpf(tx), mpf(T), mpf(t))
                value = pareto(*p, *args) if kind == "Pareto/NBD" else bg(*p, *args, kind == "MBG/NBD")
                rows.append({"kind": kind, "params": [float(v) for v in p], "x": x, "tx": float(tx), "T": float(T), "t": float(t), "value": float(value)})

for x, tx, T, t in [(2, "30.43", "38.86", "4.3"), (0, 0, "38.86", "39")]:
    p = [mpf(v) for v in ("0.5534", "10.5802", "0.6061", "11.6562")]
    one = pareto(*p, x, mpf(tx), mpf(T), mpf(t))
    two = pareto_two_dimensional(*p, x, mpf(tx), mpf(T), mpf(t))
    assert abs(two / one - 1) < mpf("1e-12"), (one, two)

bgbb_rows = []
for params in [("1.204", "0.750", "0.657", "2.783"), ("0.5", "2", "1", "3")]:
    p = [mpf(v) for v in params]
    for x, tx, n in [(0, 0, 6), (1, 1, 6), (3, 5, 6), (6, 6, 6), (4, 9, 11)]:
        for m in [1, 2, 5, 50, 1000]:
            bgbb_rows.append({"params": [float(v) for v in p], "x": x, "tx": tx, "n": n, "m": m, "value": float(bgbb(*p, x, tx, n, m))})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "purchase-probability.json")
with open(path, "w") as handle:
    json.dump({"continuous": rows, "bgBb": bgbb_rows}, handle, indent=1)
    handle.write("\n")
print(f"wrote {path}: {len(rows)} continuous-time rows, {len(bgbb_rows)} BG/BB rows")
