import type { KMeansModel, KMeansModelJson } from "../kMeansModel.js";
import type { MatrixInput } from "./matrix.js";
import { distanceOverflow, toMatrix } from "./matrix.js";
import { nearestCenters } from "./lloyd.js";

/** Builds a model from validated centroids. Internal: the public way is `kMeans` or `parseKMeansModel`. */
export function createKMeansModel(
  centroids: ReadonlyArray<ReadonlyArray<number>>,
  featureNames: ReadonlyArray<string> | undefined,
  fit: KMeansModelJson["fit"],
): KMeansModel {
  const k = centroids.length;
  const columns = centroids[0]?.length ?? 0;
  const flat = new Float64Array(k * columns);
  centroids.forEach((centroid, index) => flat.set(centroid, index * columns));
  const frozen = centroids.map((centroid) => Object.freeze(Array.from(centroid)));
  const check = (rows: MatrixInput, caller: "predict" | "transform") => {
    const matrix = toMatrix(rows, caller);
    if (matrix.rows > 0 && matrix.columns !== columns) {
      throw new RangeError(`${caller} requires rows of ${columns} features, got ${matrix.columns}`);
    }
    return matrix;
  };
  return {
    k,
    columns,
    centroids: frozen,
    featureNames: featureNames === undefined ? undefined : Object.freeze([...featureNames]),
    predict(rows) {
      return nearestCenters(check(rows, "predict"), flat, k, "predict");
    },
    transform(rows) {
      const matrix = check(rows, "transform");
      const result: number[][] = [];
      for (let row = 0; row < matrix.rows; row++) {
        const distances: number[] = [];
        let nearest = Number.POSITIVE_INFINITY;
        for (let center = 0; center < k; center++) {
          let sum = 0;
          for (let column = 0; column < columns; column++) {
            const difference = (matrix.values[row * columns + column] as number) - (flat[center * columns + column] as number);
            sum += difference * difference;
          }
          distances.push(sum);
          if (sum < nearest) nearest = sum;
        }
        if (k > 0 && !(nearest < Number.POSITIVE_INFINITY)) throw distanceOverflow("transform");
        result.push(distances);
      }
      return result;
    },
    toJSON() {
      return {
        format: "segmentkit.kMeansModel",
        version: 1,
        k,
        columns,
        centroids: frozen.map((centroid) => [...centroid]),
        ...(featureNames === undefined ? {} : { featureNames: [...featureNames] }),
        ...(fit === undefined ? {} : { fit: { ...fit } }),
      };
    },
  };
}

