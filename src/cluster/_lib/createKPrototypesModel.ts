import type { KPrototypesModel, KPrototypesModelJson } from "../kPrototypesModel.js";
import type { MatrixInput } from "./matrix.js";
import { distanceOverflow, toMatrix } from "./matrix.js";

/** Builds a model from validated prototypes. Internal: the public ways are `kPrototypes`, `kModes` and `parseKPrototypesModel`. */
export function createKPrototypesModel(
  numericCentroids: ReadonlyArray<ReadonlyArray<number>>,
  categoricalModes: ReadonlyArray<ReadonlyArray<string | number | boolean>>,
  gamma: number,
  numericColumns: number,
  fit: KPrototypesModelJson["fit"],
): KPrototypesModel {
  const k = numericCentroids.length;
  const d = numericColumns;
  const m = categoricalModes[0]?.length ?? 0;
  const centers = new Float64Array(k * d);
  numericCentroids.forEach((centroid, cluster) => centers.set(centroid, cluster * d));
  const frozenCentroids = numericCentroids.map((centroid) => Object.freeze(Array.from(centroid)));
  const frozenModes = categoricalModes.map((mode) => Object.freeze(Array.from(mode)));
  return {
    k,
    gamma,
    numericColumns: d,
    categoricalColumns: m,
    numericCentroids: frozenCentroids,
    categoricalModes: frozenModes,
    predict(newNumeric: MatrixInput, newCategorical: ReadonlyArray<ReadonlyArray<string | number | boolean>>): Int32Array {
      const matrix = toMatrix(newNumeric, "predict");
      if (!Array.isArray(newCategorical)) throw new TypeError("predict requires an array of categorical rows");
      const count = newCategorical.length;
      if ((matrix.rows !== count && !(matrix.rows === 0 && d === 0)) || (count > 0 && matrix.rows > 0 && matrix.columns !== d)) {
        throw new RangeError("predict requires matching numeric and categorical rows");
      }
      const labels = new Int32Array(count);
      for (let row = 0; row < count; row++) {
        const values: unknown = newCategorical[row];
        if (!Array.isArray(values)) throw new TypeError(`predict requires categorical rows to be arrays: row ${row} is ${values === null ? "null" : typeof values}`);
        if (values.length !== m) throw new RangeError(`predict requires ${m} categorical values per row`);
        let best = Number.POSITIVE_INFINITY;
        for (let cluster = 0; cluster < k; cluster++) {
          let cost = 0;
          for (let column = 0; column < d; column++) {
            const difference = (matrix.values[row * d + column] as number) - (centers[cluster * d + column] as number);
            cost += difference * difference;
          }
          const mode = frozenModes[cluster] as ReadonlyArray<string | number | boolean>;
          for (let column = 0; column < m; column++) {
            const value = values[column];
            if (value !== mode[column]) cost += gamma;
          }
          if (cost < best) {
            best = cost;
            labels[row] = cluster;
          }
        }
        // Every cost overflowed: the label would be 0 whatever the row, as k-means' predict refuses too.
        if (!(best < Number.POSITIVE_INFINITY)) throw distanceOverflow("predict");
      }
      return labels;
    },
    toJSON(): KPrototypesModelJson {
      return {
        format: "segmentkit.kPrototypesModel",
        version: 1,
        k,
        gamma,
        numericColumns: d,
        categoricalColumns: m,
        numericCentroids: frozenCentroids.map((centroid) => [...centroid]),
        categoricalModes: frozenModes.map((mode) => [...mode]),
        ...(fit === undefined ? {} : { fit: { ...fit } }),
      };
    },
  };
}
