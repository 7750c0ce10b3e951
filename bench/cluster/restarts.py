"""Best-solution rate of scikit-learn KMeans(n_init=10), seeds 1..N (default 12):
OMP_NUM_THREADS=1 /usr/bin/python3 restarts.py 40 > results/restarts-sklearn.json"""
import json, os, sys
import numpy as np
from sklearn.cluster import KMeans

count = int(sys.argv[1]) if len(sys.argv) > 1 else 12
here = os.path.dirname(os.path.abspath(__file__))
X = np.fromfile(os.path.join(here, "data", "features.f64"), dtype="<f8").reshape(100000, 8)
inertias = [float(KMeans(n_clusters=6, n_init=10, random_state=s, algorithm="lloyd").fit(X).inertia_) for s in range(1, count + 1)]
print(json.dumps({"implementation": "scikit-learn KMeans(n_init=10, algorithm='lloyd')", "inertias": inertias}))
