"""P(X(t) = n) for a new Pareto/NBD customer, where the double-precision closed form is hard.

Run with Debian's python:  /usr/bin/python3 test/reference/clv/paretoCount.py   (about 5 minutes)
Writes test/reference/clv/pareto-count.json. The value is Fader & Hardie's closed form (note 013, the B1
and B2 of its bracket through mpmath.hyp2f1) at 120 digits, or 240 or 400 where its bracket cancels
further: the first that agrees with 40 more digits to 1e-30 (two far-tail rows and four with scales
1e20 apart or more, or a huge r, are by quadrature alone, below). Its dead branch must agree to 1e-12 with the
integral over the dropout time tau in (0, t] of NB(n; r, alpha/(alpha+tau)) times the dropout density
s beta^s/(beta+tau)^(s+1) (Gauss-Legendre at 30 digits on 240 equal pieces and 288 packed towards 0,
sixteen a decade; with eight a decade it erred by 4e-9 on one row).

The rows are the regions where segmentkit's closed form lost digits (a large s, a 2F1 argument near 1,
log terms in the thousands) and log-uniform random models from a fixed seed.
"""
import json, os, random
import mpmath as mp

mpf = mp.mpf


def closed(r, alpha, s, beta, t, n, digits):
    with mp.workdps(digits):
        r, alpha, s, beta, t = (mpf(v) for v in (r, alpha, s, beta, t))
        alive = mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n)) * (alpha / (alpha + t)) ** r * (t / (alpha + t)) ** n * (beta / (beta + t)) ** s
        big = max(alpha, beta)
        second = s + 1 if alpha >= beta else r + n
        c = r + s + n + 1
        b1 = mp.hyp2f1(r + s, second, c, abs(alpha - beta) / big) / big ** (r + s)
        b2 = lambda j: mp.hyp2f1(r + s + j, second, c, abs(alpha - beta) / (big + t)) / (big + t) ** (r + s + j)
        bracket = b1 - mp.fsum(mp.gamma(r + s + j) / (mp.gamma(r + s) * mp.factorial(j)) * t ** j * b2(j) for j in range(n + 1))
        dead = alpha ** r * beta ** s * mp.beta(r + n, s + 1) / mp.beta(r, s) * bracket
        return alive, dead


def integral_dead(r, alpha, s, beta, t, n):
    with mp.workdps(30):
        r, alpha, s, beta, t = (mpf(v) for v in (r, alpha, s, beta, t))
        nb = lambda tau: mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n)) * (alpha / (alpha + tau)) ** r * (tau / (alpha + tau)) ** n
        points = sorted(set(list(mp.linspace(0, t, 241)) + [t * mpf(10) ** (-j / mpf(16)) for j in range(1, 289)]))
        return mp.quad(lambda tau: nb(tau) * s * beta ** s / (beta + tau) ** (s + 1), points, method="gauss-legendre")


def probability(r, alpha, s, beta, t, n):
    alive, _ = closed(r, alpha, s, beta, t, n, 30)
    check = integral_dead(r, alpha, s, beta, t, n)
    if alive + check < mpf("1e-290"):  # would underflow a double: the row is not kept
        return alive + check
    for digits in (120, 240, 400):
        alive, dead = closed(r, alpha, s, beta, t, n, digits)
        _, again = closed(r, alpha, s, beta, t, n, digits + 40)
        if abs(again - dead) <= mpf("1e-30") * abs(again):
            break
    else:
        raise AssertionError(("the bracket did not converge", r, alpha, s, beta, t, n))
    value = alive + dead
    assert abs(check - dead) <= mpf("1e-12") * value, (r, alpha, s, beta, t, n, dead, check)
    return value


cases = [(0.5534, 10.5802, 1000, 19230), (0.5534, 10.5802, 1e5, 1.923e6), (0.5534, 10.5802, 1e8, 1.923e9), (0.5, 1, 50, 1e12), (20, 3, 0.5, 1e7), (2, 1e4, 3, 5)]
rows = []
for r, alpha, s, beta in cases:
    for t in (1.0, 39.0, 520.0):
        for n in (0, 1, 3, 10, 40):
            value = probability(r, alpha, s, beta, t, n)
            if value >= mpf("1e-290"):
                rows.append({"params": [r, alpha, s, beta], "t": t, "n": n, "value": float(value)})

# The far tail, where the closed form's series over j would need tens of thousands of 2F1 terms and the
# double-precision route's tail series gave up (review: 1.7 % off, and 95,000 times at n = 1e6): the
# quadrature alone, on 400 and on 1,600 equal pieces, which must agree to 1e-20.
for t, n in ((10000.0, 30000), (10000.0, 3000)):
    r, alpha, s, beta = 0.5534, 10.5802, 0.6061, 11.6562
    with mp.workdps(30):
        R, A, S, B, T = (mpf(v) for v in (r, alpha, s, beta, t))
        nb = lambda tau: mp.exp(mp.loggamma(R + n) - mp.loggamma(R) - mp.loggamma(n + 1) - R * mp.log1p(tau / A) - n * mp.log1p(A / tau))
        f = lambda tau: nb(tau) * S * B ** S / (B + tau) ** (S + 1)
        coarse, fine = (mp.quad(f, mp.linspace(0, T, pieces + 1), method="gauss-legendre") for pieces in (400, 1600))
        assert abs(coarse - fine) <= mpf("1e-20") * fine, (t, n, coarse, fine)
        alive = nb(T) * (B / (B + T)) ** S
        rows.append({"params": [r, alpha, s, beta], "t": t, "n": n, "value": float(alive + fine)})

# Models whose scales are 1e20 or more apart, and a huge r (review): quadrature alone, over the
# logarithm of tau, on pieces of 1/8 and of 1/16 decade that must agree to 1e-20.
def log_quadrature(r, alpha, s, beta, t, n, per_decade):
    with mp.workdps(40):
        R, A, S, Bt, T = (mpf(v) for v in (r, alpha, s, beta, t))
        nb = lambda tau: mp.exp(mp.loggamma(R + n) - mp.loggamma(R) - mp.loggamma(n + 1) - R * mp.log1p(tau / A) - n * mp.log1p(A / tau))
        g = lambda u: nb(mp.exp(u)) * S * Bt ** S / (Bt + mp.exp(u)) ** (S + 1) * mp.exp(u)
        top = mp.log(T)
        bottom = mp.log(min(A, Bt / (S + 1))) - 60
        pieces = int((top - bottom) / mp.log(10) * per_decade) + 1
        dead = mp.quad(g, mp.linspace(bottom, top, pieces + 1), method="gauss-legendre")
        return nb(T) * (Bt / (Bt + T)) ** S + dead


for r, alpha, s, beta, t, n in ((1.0, 1e-40, 1.0, 1e20, 1e30, 1), (0.9, 1e-12, 0.5, 1e12, 1e14, 1),
                                (87064497.25894345, 125166.51260406082, 1678.7794971936241, 11.271836447318782, 2993.267621219614, 2),
                                (1.0, 1e-300, 1.0, 1.0, 1e300, 1)):
    coarse, fine = log_quadrature(r, alpha, s, beta, t, n, 8), log_quadrature(r, alpha, s, beta, t, n, 16)
    assert abs(coarse - fine) <= mpf("1e-20") * fine, (r, alpha, s, beta, t, n, coarse, fine)
    rows.append({"params": [r, alpha, s, beta], "t": t, "n": n, "value": float(fine)})

generator = random.Random(23)
log_uniform = lambda low, high: float(mp.exp(mp.log(low) + generator.random() * (mp.log(high) - mp.log(low))))
target = len(rows) + 60
while len(rows) < target:
    r, alpha, s, beta = log_uniform(1e-2, 1e2), log_uniform(1e-2, 1e6), log_uniform(1e-2, 1e4), log_uniform(1e-2, 1e8)
    t = log_uniform(1e-1, 1e3)
    n = int(log_uniform(1, 100)) - 1
    value = probability(r, alpha, s, beta, t, n)
    if value >= mpf("1e-290"):
        rows.append({"params": [r, alpha, s, beta], "t": t, "n": n, "value": float(value)})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pareto-count.json")
with open(path, "w") as handle:
    json.dump(rows, handle, indent=1)
    handle.write("\n")
print(f"wrote {path}: {len(rows)} rows")
