#!/usr/bin/python3
"""
Calibration / holdout comparison on CDNOW (the table behind lifetimes'
plot_calibration_purchases_vs_holdout_purchases), computed independently of segmentkit:

- CDNOW_sample.txt read here; purchases of one customer on one day merged; calibration through
  1997-09-30 (weeks 1-39), holdout through 1998-06-30 (39 weeks); frequency = repeat purchase days in
  calibration, recency and T in weeks from the first purchase day;
- BG/NBD conditional expected purchases over the 39-week holdout (FHL 2005 eq. 10) with the published
  parameters r 0.242593, alpha 4.413532, a 0.792886, b 2.425752, by mpmath at 50 digits;
- customers grouped by calibration frequency 0..6 and 7 or more: count, mean actual and mean predicted
  holdout purchases.

    /usr/bin/python3 test/reference/clv/holdout.py   # writes test/reference/clv/holdout.json
"""
import datetime
import json
import os

import mpmath

mpmath.mp.dps = 50
here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "..", "examples", "data", "CDNOW_sample.txt")

calibration_end = datetime.date(1997, 9, 30)
observation_end = datetime.date(1998, 6, 30)
days = {}
for line in open(data):
    fields = line.split()
    if len(fields) < 5:
        continue
    customer = str(int(fields[1]))
    day = datetime.datetime.strptime(fields[2], "%Y%m%d").date()
    days.setdefault(customer, set()).add(day)

r, alpha, a, b = (mpmath.mpf(v) for v in ("0.242593", "4.413532", "0.792886", "2.425752"))
horizon = mpmath.mpf((observation_end - calibration_end).days) / 7


def conditional(x, tx, T, t):
    z = t / (alpha + T + t)
    bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * mpmath.hyp2f1(r + x, b + x, a + b + x - 1, z)
    odds = 0 if x == 0 else a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x)
    return (a + b + x - 1) / (a - 1) * bracket / (1 + odds)


max_frequency = 7
groups = [{"customers": 0, "actual": mpmath.mpf(0), "predicted": mpmath.mpf(0)} for _ in range(max_frequency + 1)]
for customer, purchase_days in days.items():
    ordered = sorted(purchase_days)
    first = ordered[0]
    if first > calibration_end:
        continue
    calibration = [d for d in ordered if d <= calibration_end]
    holdout = [d for d in ordered if calibration_end < d <= observation_end]
    x = len(calibration) - 1
    tx = mpmath.mpf((calibration[-1] - first).days) / 7
    T = mpmath.mpf((calibration_end - first).days) / 7
    group = groups[min(x, max_frequency)]
    group["customers"] += 1
    group["actual"] += len(holdout)
    group["predicted"] += conditional(x, tx, T, horizon)

rows = [{"frequency": k, "customers": g["customers"], "actual": float(g["actual"] / g["customers"]), "predicted": float(g["predicted"] / g["customers"])}
        for k, g in enumerate(groups)]
out = {"model": {"kind": "BG/NBD", "unit": "weeks", "params": {"r": 0.242593, "alpha": 4.413532, "a": 0.792886, "b": 2.425752}},
       "calibrationEnd": str(calibration_end), "observationEnd": str(observation_end), "holdoutWeeks": float(horizon),
       "maxFrequency": max_frequency, "rows": rows,
       "total": {"customers": sum(g["customers"] for g in groups), "actual": float(sum(g["actual"] for g in groups)),
                 "predicted": float(sum(g["predicted"] for g in groups))},
       "versions": {"mpmath": mpmath.__version__}}
with open(os.path.join(here, "holdout.json"), "w") as handle:
    json.dump(out, handle, indent=1)
print(json.dumps(out["rows"], indent=1), out["total"])
