"""scikit-learn side of the clustering benchmark; run by run.ts with OMP_NUM_THREADS=1.

Usage: /usr/bin/python3 sklearn_bench.py <data dir> <seed> <mode>
mode "kmeans": warm-up + timed KMeans(n_init=1) Lloyd and Elkan, MiniBatchKMeans for this seed;
mode "restarts": KMeans(n_init=10) for this seed; mode "metrics": silhouette (10,000 sample),
Davies-Bouldin and Calinski-Harabasz on the given labels file, 5 timings each.
Prints one JSON object.
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.metrics import adjusted_rand_score, calinski_harabasz_score, davies_bouldin_score, silhouette_score

directory, seed, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
meta = json.load(open(os.path.join(directory, "meta.json")))
X = np.fromfile(os.path.join(directory, "features.f64"), dtype="<f8").reshape(meta["rows"], meta["columns"])
truth = np.fromfile(os.path.join(directory, "labels.u8"), dtype=np.uint8)


def timed(make):
    make().fit(X)  # untimed warm-up
    wall, cpu = time.perf_counter(), time.process_time()
    model = make().fit(X)
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    labels = model.predict(X)
    d = ((X - model.cluster_centers_[labels]) ** 2).sum()
    return {
        "cpuMs": cpu * 1000,
        "wallMs": wall * 1000,
        "iterations": int(getattr(model, "n_iter_", 0) or getattr(model, "n_steps_", 0)),
        "inertia": float(d),
        "ari": float(adjusted_rand_score(truth, labels)),
    }


out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "threads": os.environ.get("OMP_NUM_THREADS")}
k = meta["k"]
if mode == "kmeans":
    out["lloyd"] = timed(lambda: KMeans(n_clusters=k, n_init=1, tol=1e-4, max_iter=300, random_state=seed, algorithm="lloyd"))
    out["elkan"] = timed(lambda: KMeans(n_clusters=k, n_init=1, tol=1e-4, max_iter=300, random_state=seed, algorithm="elkan"))
    out["minibatch"] = timed(lambda: MiniBatchKMeans(n_clusters=k, batch_size=1024, n_init=3, random_state=seed))
elif mode == "restarts":
    out["lloyd10"] = timed(lambda: KMeans(n_clusters=k, n_init=10, tol=1e-4, max_iter=300, random_state=seed, algorithm="lloyd"))
elif mode == "metrics":
    labels = np.fromfile(sys.argv[4], dtype="<i4")
    times = {"silhouette": [], "daviesBouldin": [], "calinskiHarabasz": []}
    values = {}
    for name, fn in [
        ("silhouette", lambda: silhouette_score(X, labels, sample_size=10000, random_state=seed)),
        ("daviesBouldin", lambda: davies_bouldin_score(X, labels)),
        ("calinskiHarabasz", lambda: calinski_harabasz_score(X, labels)),
    ]:
        fn()
        for _ in range(5):
            cpu = time.process_time()
            values[name] = float(fn())
            times[name].append((time.process_time() - cpu) * 1000)
    out["metrics"] = {name: {"value": values[name], "cpuMs": float(np.median(times[name]))} for name in times}
print(json.dumps(out))
