"""P(X(t) = n) far into the tail, where 1 minus a sum close to 1 cancels in doubles.

Run with Debian's python:  /usr/bin/python3 test/reference/clv/countTails.py
Writes test/reference/clv/count-tails.json. mpmath at 120 digits evaluates the published forms
directly: BG/NBD and MBG/NBD as in Fader, Hardie and Lee (2005) eq. 8 (and its MBG/NBD variant, dropout
possible at time 0), Pareto/NBD as in Fader, Hardie and Lee's note on the Pareto/NBD expressions
(P(X(t) = x) with B1 minus the first x + 1 terms of its series). The cancellation costs at most about
60 digits here.
"""
import json, os
import mpmath

mpmath.mp.dps = 120
B, G = mpmath.beta, mpmath.gamma


def nb(r, alpha, t, j):
    return G(r + j) / (G(r) * mpmath.factorial(j)) * (alpha / (alpha + t)) ** r * (t / (alpha + t)) ** j


def bg(r, alpha, a, b, t, n, modified):
    shift = 1 if modified else 0
    value = B(a, b + n + shift) / B(a, b) * nb(r, alpha, t, n)
    if n > 0 or modified:
        value += B(a + 1, b + n - 1 + shift) / B(a, b) * (1 - mpmath.fsum(nb(r, alpha, t, j) for j in range(n)))
    return value


def pareto(r, alpha, s, beta, t, x):
    alive = G(r + x) / (G(r) * mpmath.factorial(x)) * (alpha / (alpha + t)) ** r * (t / (alpha + t)) ** x * (beta / (beta + t)) ** s
    big = max(alpha, beta)
    second = s + 1 if alpha >= beta else r + x
    c = r + s + x + 1
    b1 = mpmath.hyp2f1(r + s, second, c, abs(alpha - beta) / big) / big ** (r + s)
    head = mpmath.fsum(G(r + s + j) / (G(r + s) * mpmath.factorial(j)) * t ** j * mpmath.hyp2f1(r + s + j, second, c, abs(alpha - beta) / (big + t)) / (big + t) ** (r + s + j)
                       for j in range(x + 1))
    dead = alpha ** r * beta ** s * B(r + x, s + 1) / B(r, s) * (b1 - head)
    return alive + dead


m = mpmath.mpf
cases = []
for params in [{"r": "0.5", "alpha": "2", "a": "1", "b": "3"}, {"r": "0.243", "alpha": "4.414", "a": "0.793", "b": "2.426"}]:
    r, alpha, a, b = (m(params[k]) for k in ("r", "alpha", "a", "b"))
    for kind, modified in [("BG/NBD", False), ("MBG/NBD", True)]:
        for t in [1, 39]:
            for n in [0, 1, 5, 10, 20, 50]:
                cases.append({"kind": kind, "params": {k: float(m(v)) for k, v in params.items()}, "t": t, "n": n, "p": float(bg(r, alpha, a, b, m(t), n, modified))})
for params in [{"r": "0.55", "alpha": "10.58", "s": "0.61", "beta": "11.67"}, {"r": "5", "alpha": "1", "s": "0.5", "beta": "10000"}, {"r": "0.55", "alpha": "11.67", "s": "0.61", "beta": "10.58"}]:
    r, alpha, s, beta = (m(params[k]) for k in ("r", "alpha", "s", "beta"))
    for t in [1, 39]:
        for n in [0, 1, 5, 10, 20, 50]:
            cases.append({"kind": "Pareto/NBD", "params": {k: float(m(v)) for k, v in params.items()}, "t": t, "n": n, "p": float(pareto(r, alpha, s, beta, m(t), n))})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "count-tails.json")
with open(path, "w") as handle:
    json.dump({"cases": cases}, handle, indent=1)
print("wrote", path, len(cases))
