"""BG/BB conditional expectations at extreme parameters (gamma or delta from 1e8 to 1e14), where the closed form's
log-gammas are huge: E[X(n, n+m) | x, t_x, n] as the sum over the next m opportunities of
E[p (1-theta)^k; alive at n] / L (beta functions, mpmath at 50 digits), a route that shares nothing
with Fader, Hardie & Shang's eq. 13.

Run with Debian's python:  /usr/bin/python3 test/reference/clv/bgBbExtremes.py
Writes test/reference/clv/bgbb-extremes.json.
"""
import json, os
import mpmath as mp
from likelihoods import bgbb_likelihood

mp.mp.dps = 50
mpf = mp.mpf
B = mp.beta


def expected(al, be, ga, de, x, tx, n, m):
    total = mp.fsum(B(al + x + 1, be + n - x) / B(al, be) * B(ga, de + n + k) / B(ga, de) for k in range(1, m + 1))
    return total / bgbb_likelihood(al, be, ga, de, x, tx, n)


rows = []
for params in [("1.2", "0.75", "1e8", "2.78"), ("1.2", "0.75", "0.001", "1e8"), ("1000", "1e-8", "1e-8", "1e8"), ("1.2", "0.75", "1e8", "1e8"),
               ("0.0232065", "2785.89", "1.82109", "3.5418e14"), ("1.2", "0.75", "0.99999999972", "1.96e14")]:
    p = [mpf(v) for v in params]
    for x, tx, n in [(10000, 10000, 10000), (3, 5, 6), (0, 0, 0)]:
        for m in (1, 5, 50):
            rows.append({"params": [float(v) for v in p], "x": x, "tx": tx, "n": n, "m": m, "value": float(expected(*p, x, tx, n, m))})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bgbb-extremes.json")
with open(path, "w") as handle:
    json.dump(rows, handle, indent=1)
    handle.write("\n")
print(f"wrote {path}: {len(rows)} rows")
