"""Many-seed comparison, scikit-learn side: OMP_NUM_THREADS=1 /usr/bin/python3 seeds.py 200 > results/seeds-sklearn.json"""
import json, os, sys
import numpy as np
import sklearn
from sklearn.cluster import KMeans

count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
here = os.path.dirname(os.path.abspath(__file__))
X = np.fromfile(os.path.join(here, "data", "features.f64"), dtype="<f8").reshape(100000, 8)
runs = []
for seed in range(1, count + 1):
    model = KMeans(n_clusters=6, n_init=1, random_state=seed, algorithm="lloyd").fit(X)
    runs.append({"seed": seed, "iterations": int(model.n_iter_), "inertia": float(model.inertia_)})
print(json.dumps({"implementation": f"scikit-learn {sklearn.__version__} KMeans(n_init=1, algorithm='lloyd')", "runs": runs}))
