"""ln of the Pareto/NBD death odds, P(dead | x, t_x, T) / P(alive | x, t_x, T), where the closed form is hard.

Run with Debian's python:  /usr/bin/python3 test/reference/clv/paretoAlive.py   (about 7 minutes)
Writes test/reference/clv/pareto-alive.json. The value is Fader & Hardie's closed form (note 009, the A0
of likelihoods.pareto_likelihood, mpmath.hyp2f1) at 60 digits, minus the alive branch, over the alive
branch. Two checks:

- the same at 100 digits agrees to 1e-40 (mpmath's 2F1 has converged);
- the dead branch of the individual-level likelihood, integrated over the dropout time tau in (t_x, T]
  as E[lambda^x e^(-lambda tau)] E[mu e^(-mu tau)], agrees to 1e-13 (Gauss-Legendre on 240 equal pieces
  and 144 packed towards t_x, eight a decade; mpmath.quad's own error estimates were 1e-10 optimistic
  on these integrands).

One row, with scales 1e600 apart, is by quadrature over ln tau alone. The rows are where segmentkit's double-precision closed form loses digits (a large s, a 2F1 argument
near 1, log terms in the thousands, the two A0 terms close together) and log-uniform random models and
customers from a fixed seed.
"""
import json, os, random
import mpmath as mp
from likelihoods import pareto_likelihood

mpf = mp.mpf


def closed_log_odds(r, alpha, s, beta, x, tx, T, digits):
    with mp.workdps(digits):
        r, alpha, s, beta, tx, T = (mpf(v) for v in (r, alpha, s, beta, tx, T))
        alive = mp.gamma(r + x) * alpha ** r / (mp.gamma(r) * (alpha + T) ** (r + x)) * (beta / (beta + T)) ** s
        return mp.log(pareto_likelihood(r, alpha, s, beta, x, tx, T) - alive) - mp.log(alive), alive


def integral_dead(r, alpha, s, beta, x, tx, T):
    with mp.workdps(40):
        r, alpha, s, beta, tx, T = (mpf(v) for v in (r, alpha, s, beta, tx, T))
        lam = lambda S: mp.gamma(r + x) * alpha ** r / (mp.gamma(r) * (alpha + S) ** (r + x))
        L = T - tx
        points = sorted(set(list(mp.linspace(tx, T, 241)) + [tx + L * mpf(10) ** (-j / mpf(8)) for j in range(1, 145)]))
        return mp.quad(lambda tau: lam(tau) * s * beta ** s / (beta + tau) ** (s + 1), points, method="gauss-legendre")


def log_odds(r, alpha, s, beta, x, tx, T):
    value, alive = closed_log_odds(r, alpha, s, beta, x, tx, T, 60)
    again, _ = closed_log_odds(r, alpha, s, beta, x, tx, T, 100)
    assert abs(value - again) < mpf("1e-40"), (r, alpha, s, beta, x, tx, T, value, again)
    if abs(value) > 600:  # P(alive) or P(dead) would underflow a double: the row is not kept
        return value
    with mp.workdps(40):
        dead = mp.exp(value) * alive
        assert abs(integral_dead(r, alpha, s, beta, x, tx, T) / dead - 1) < mpf("1e-13"), (r, alpha, s, beta, x, tx, T)
    return value


cases = [
    ("0.5534", "10.5802", "1e8", "1.923e9", 2, "30.43", "38.86"),
    ("0.5534", "10.5802", "1e8", "1.923e9", 0, "0", "38.86"),
    ("0.5534", "10.5802", "1e6", "1.923e7", 50, "10", "38.86"),
    ("0.5534", "10.5802", "1000", "19230", 2, "30.43", "38.86"),
    ("0.5", "1", "50", "1e12", 1, "0.5", "1e6"),
    ("0.5", "1", "50", "1e12", 500, "30", "38.86"),
    ("2", "1e4", "3", "5", 5000, "10", "38.86"),
    ("0.5534", "10.5802", "0.6061", "11.6562", 2, "38.85", "38.86"),
    ("0.5534", "10.5802", "0.6061", "11.6562", 7, "38.86", "38.8600001"),
    ("0.5534", "10.5802", "0.6061", "11.6562", 1, "0.5", "1e6"),
    # inside the first calibration's region but with x in the tens of thousands (review)
    ("0.0132177", "1.05432", "0.885284", "0.415499", 13729, "0.0191212", "0.0197317"),
    ("0.00192381", "0.643438", "0.00639803", "0.126578", 126620, "0.349622", "0.349733"),
]
rows = []
for case in cases:
    r, alpha, s, beta = (float(v) for v in case[:4])
    x, tx, T = case[4], float(case[5]), float(case[6])
    rows.append({"params": [r, alpha, s, beta], "x": x, "tx": tx, "T": T, "logOdds": float(log_odds(r, alpha, s, beta, x, tx, T))})

# Scales 1e600 apart (review: 1 + e^v overflowed in the double-precision integral): the death odds by
# quadrature over ln tau alone, on pieces of 1/4 and of 1/8 decade that must agree to 1e-20.
def log_quadrature_odds(r, alpha, s, beta, x, tx, T, per_decade):
    with mp.workdps(40):
        r, alpha, s, beta, T = (mpf(v) for v in (r, alpha, s, beta, T))
        f = lambda u: mp.exp((r + x) * (mp.log(alpha + T) - mp.log(alpha + mp.exp(u))) + (s + 1) * (mp.log(beta + T) - mp.log(beta + mp.exp(u)))) * mp.exp(u)
        bottom, top = mp.log(alpha) - 60, mp.log(T)
        pieces = int((top - bottom) / mp.log(10) * per_decade) + 1
        return mp.log(s * mp.quad(f, mp.linspace(bottom, top, pieces + 1), method="gauss-legendre") / (beta + T))


for r, alpha, s, beta, x, tx, T in ((0.001, 1e-300, 0.5, 1.0, 0, 0.0, 1e300),):
    coarse, fine = log_quadrature_odds(r, alpha, s, beta, x, tx, T, 4), log_quadrature_odds(r, alpha, s, beta, x, tx, T, 8)
    assert abs(coarse - fine) <= mpf("1e-20") * abs(fine), (coarse, fine)
    rows.append({"params": [r, alpha, s, beta], "x": x, "tx": tx, "T": T, "logOdds": float(fine)})

# the random rows are drawn at mpmath's default precision, whatever the caller's
mp.mp.dps = 15
generator = random.Random(19)
log_uniform = lambda low, high: float(mp.exp(mp.log(low) + generator.random() * (mp.log(high) - mp.log(low))))
while len(rows) < 73:
    r, alpha, s, beta = log_uniform(1e-2, 1e2), log_uniform(1e-2, 1e6), log_uniform(1e-2, 1e4), log_uniform(1e-2, 1e8)
    T = log_uniform(1e-1, 1e3)
    x = int(log_uniform(1, 300)) - 1
    tx = 0.0 if x == 0 else T * generator.random()
    value = log_odds(r, alpha, s, beta, x, tx, T)
    if abs(value) > 600:  # P(alive) or P(dead) would underflow a double
        continue
    rows.append({"params": [r, alpha, s, beta], "x": x, "tx": tx, "T": T, "logOdds": float(value)})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pareto-alive.json")
with open(path, "w") as handle:
    json.dump(rows, handle, indent=1)
    handle.write("\n")
print(f"wrote {path}: {len(rows)} rows")
