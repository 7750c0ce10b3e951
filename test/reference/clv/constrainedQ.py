#!/usr/bin/python3
"""
Gamma-Gamma with q held above 1 (lifetimes' q_constraint) on spend with a heavy tail, where the
unconstrained maximum has q < 1 and the constraint binds: the constrained maximum is at q = 1, with p
and gamma maximising the likelihood there (scipy, Nelder-Mead then BFGS on log p, log gamma, to 1e-12).

Spend: CDNOW's repeat buyers, mean spend zbar times ((7919 i mod 1000) + 1) / 1000 to the power -1.5
for the i-th repeat buyer (from 0), a deterministic heavy tail both languages can build.

    /usr/bin/python3 test/reference/clv/constrainedQ.py   # writes test/reference/clv/constrained-q.json
"""
import csv
import json
import os

import numpy as np
import scipy
from scipy import optimize, special

here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, "..", "..", "..", "examples", "data", "cdnow_customers_summary_with_transactions.csv"))))
x, m = [], []
for row in rows:
    if int(row["x"]) == 0:
        continue
    i = len(x)
    x.append(int(row["x"]))
    m.append(float(row["zbar"]) * (((7919 * i) % 1000 + 1) / 1000) ** -1.5)
x, m = np.array(x, float), np.array(m)


def ll(p, q, g):
    """Gamma-Gamma log-likelihood with the Jacobian of the mean (lifetimes / segmentkit convention)."""
    return np.sum(special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q) + q * np.log(g) + (p * x - 1) * np.log(m)
                  + p * x * np.log(x) - (p * x + q) * np.log(g + m * x))


free = optimize.minimize(lambda t: -ll(*np.exp(t)), np.zeros(3), method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 40000})
at_one = optimize.minimize(lambda t: -ll(np.exp(t[0]), 1.0, np.exp(t[1])), np.zeros(2), method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-12, "maxiter": 40000})
at_one = optimize.minimize(lambda t: -ll(np.exp(t[0]), 1.0, np.exp(t[1])), at_one.x, method="BFGS", options={"gtol": 1e-10})
p, g = np.exp(at_one.x)
out = {"repeatBuyers": int(len(x)), "unconstrained": {"q": float(np.exp(free.x[1])), "logLikelihood": float(-free.fun)},
       "atQOne": {"p": float(p), "gamma": float(g), "logLikelihood": float(ll(p, 1.0, g))},
       "versions": {"scipy": scipy.__version__}}
with open(os.path.join(here, "constrained-q.json"), "w") as handle:
    json.dump(out, handle, indent=1)
print(out)
