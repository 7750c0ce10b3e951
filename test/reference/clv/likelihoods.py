"""Marginal likelihoods of the buy-till-you-die models in mpmath, shared by the reference scripts of this folder."""
import mpmath as mp


def pareto_likelihood(r, alpha, s, beta, x, tx, T):
    """Pareto/NBD, Fader & Hardie note 009 eqs. 22-23."""
    rsx = r + s + x
    if alpha >= beta:
        a0 = lambda u: mp.hyp2f1(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + u)) / (alpha + u) ** rsx
    else:
        a0 = lambda u: mp.hyp2f1(rsx, r + x, rsx + 1, (beta - alpha) / (beta + u)) / (beta + u) ** rsx
    front = mp.gamma(r + x) * alpha ** r * beta ** s / mp.gamma(r)
    return front * (1 / ((alpha + T) ** (r + x) * (beta + T) ** s) + s / rsx * (a0(tx) - a0(T)))


def bg_terms(r, alpha, a, b, x, tx, modified):
    """BG/NBD (MBG/NBD when modified): the prior integral of the alive branch, as a function of the time S
    up to which the customer is seen alive and buying nothing more, and the dead branch (FHL 2005 eq. 6)."""
    shift = 1 if modified else 0
    lam = lambda S: mp.gamma(r + x) * alpha ** r / (mp.gamma(r) * (alpha + S) ** (r + x))
    alive = lambda S: mp.beta(a, b + x + shift) / mp.beta(a, b) * lam(S)
    dead = mp.beta(a + 1, b + x - 1 + shift) / mp.beta(a, b) * lam(tx) if (modified or x > 0) else 0
    return alive, dead


def bgbb_likelihood(al, be, ga, de, x, tx, n):
    """BG/BB, Fader, Hardie & Shang (2010) eq. 5."""
    B = mp.beta
    value = B(al + x, be + n - x) / B(al, be) * B(ga, de + n) / B(ga, de)
    for i in range(0, n - tx):
        value += B(al + x, be + tx - x + i) / B(al, be) * B(ga + 1, de + tx + i) / B(ga, de)
    return value


# The customers (x, t_x, T) and weekly models of the conditional-prediction scripts (purchaseProbability.py,
# conditionalCount.py): CDNOW's published fits and three that stress other corners.
CUSTOMERS = [(0, 0, "38.86"), (1, "1.71", "38.86"), (2, "30.43", "38.86"), (7, "29.43", "35"), (150, "38.5", "39")]
CONTINUOUS_MODELS = [("BG/NBD", [("0.242593", "4.413532", "0.792886", "2.425752"), ("2", "1", "0.05", "9")]),
                     ("MBG/NBD", [("0.242593", "4.413532", "0.792886", "2.425752")]),
                     ("Pareto/NBD", [("0.5534", "10.5802", "0.6061", "11.6562"), ("0.8", "25", "2.4", "5"), ("1.2", "3", "1", "40")])]
