"""Reference fixtures for segmentkit/cluster and segmentkit/scoring.

Run with Debian's python3 (scikit-learn 1.2.1):
    /usr/bin/python3 test/reference/cluster/generate.py
Writes test/reference/cluster/fixtures.json next to this script.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import (
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_samples,
    silhouette_score,
)
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

rng = np.random.RandomState(20240601)
cases = []


def add_case(name, X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels, dtype=int)
    cases.append(
        {
            "name": name,
            "data": X.tolist(),
            "labels": labels.tolist(),
            "silhouette": float(silhouette_score(X, labels)),
            "silhouetteSamples": silhouette_samples(X, labels).tolist(),
            "daviesBouldin": float(davies_bouldin_score(X, labels)),
            "calinskiHarabasz": float(calinski_harabasz_score(X, labels)),
        }
    )


X, y = make_blobs(n_samples=300, n_features=4, centers=5, cluster_std=1.5, random_state=7)
add_case("blobs 300x4, true labels", X, y)
add_case("blobs 300x4, random labels", X, rng.randint(0, 4, size=300))
X2 = rng.normal(size=(120, 3)) * np.array([1.0, 10.0, 0.1]) + np.array([5.0, -3.0, 100.0])
labels2 = rng.randint(0, 3, size=120)
labels2[7] = 3  # a singleton cluster: its silhouette is 0
add_case("anisotropic 120x3 with a singleton cluster", X2, labels2)
X3 = np.round(rng.exponential(scale=50.0, size=(200, 2)), 2)
add_case("skewed money-like 200x2, non-contiguous ids", X3, (np.arange(200) % 3) * 5 + 2)
X4 = rng.normal(size=(60, 1))
add_case("1-D 60 rows, 2 clusters by sign", X4, (X4[:, 0] > 0).astype(int))
# Conventions at the edges: two clusters with the same centre (Davies-Bouldin counts their ratio as 0)
# and clusters without spread (Calinski-Harabasz is 1 when the within-cluster dispersion is 0).
add_case("two clusters with the same centre", [[0], [2], [0], [2], [10], [11]], [0, 0, 1, 1, 2, 2])
add_case("clusters without spread", [[0], [0], [1], [1]], [0, 0, 1, 1])

# Adjusted Rand index.
a = rng.randint(0, 5, size=500)
b = np.where(rng.uniform(size=500) < 0.7, a, rng.randint(0, 6, size=500))
ari = [
    {"truth": a.tolist(), "predicted": b.tolist(), "value": float(adjusted_rand_score(a, b))},
    {"truth": [0, 0, 0, 1, 1, 1], "predicted": [0, 0, 1, 1, 2, 2], "value": float(adjusted_rand_score([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]))},
    {"truth": [0], "predicted": [0], "value": float(adjusted_rand_score([0], [0]))},
]

# Scalers on data with a constant column.
S = np.column_stack([rng.exponential(scale=80.0, size=50), rng.normal(size=50) * 3 + 1, np.full(50, 7.0), rng.randint(1, 6, size=50)])
scalers = {"data": S.tolist()}
for name, scaler in [("standard", StandardScaler()), ("minMax", MinMaxScaler()), ("robust", RobustScaler())]:
    scalers[name] = scaler.fit_transform(S).tolist()

# Separable blobs: k-means must recover the true partition.
Xs, ys = make_blobs(n_samples=600, n_features=3, centers=4, cluster_std=0.5, center_box=(-20, 20), random_state=3)

# numpy's legacy RandomState draws, which segmentkit's kMeans reproduces (src/_lib/numpyRandomState.ts).
random_state = []
for seed in [0, 1, 42, 2**32 - 1]:
    state = np.random.RandomState(seed)
    random_state.append(
        {
            "seed": seed,
            "randint100000": [int(state.randint(100000)) for _ in range(5)],
            "uniform": state.uniform(size=3).tolist(),
            "randint7": [int(state.randint(7)) for _ in range(20)],
            "permutation10": np.random.RandomState(seed).permutation(10).tolist(),
        }
    )

# scikit-learn KMeans on overlapping blobs: with the same seed, segmentkit's kMeans must give the same
# centroids, inertia and iterations (same k-means++ / random draws, same Lloyd steps and stopping rule).
Xk, _ = make_blobs(n_samples=2000, n_features=5, centers=5, cluster_std=2.5, random_state=11)
kmeans_runs = []
for seed in range(10):
    for n_init, init in [(1, "k-means++"), (3, "k-means++"), (1, "random")]:
        model = KMeans(n_clusters=5, n_init=n_init, init=init, random_state=seed, algorithm="lloyd").fit(Xk)
        kmeans_runs.append(
            {
                "seed": seed,
                "nInit": n_init,
                "initialization": "kmeans++" if init == "k-means++" else "random",
                "centroids": model.cluster_centers_.tolist(),
                "inertia": float(model.inertia_),
                "iterations": int(model.n_iter_),
            }
        )

out = {
    "generator": "test/reference/cluster/generate.py",
    "sklearn": sklearn.__version__,
    "numpy": np.__version__,
    "cases": cases,
    "adjustedRand": ari,
    "scalers": scalers,
    "separable": {"data": Xs.tolist(), "labels": ys.tolist()},
    "randomState": random_state,
    "kMeans": {"data": Xk.tolist(), "k": 5, "runs": kmeans_runs},
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures.json"), "w") as handle:
    json.dump(out, handle)
