/**
 * Stirling's series for log Γ(z) − [(z − ½) log z − z + ½ log 2π], accurate to 1e-17 for z ≥ 100: the
 * part of log Γ that the large-shape incomplete gamma and beta keep separate, so that no logarithms of
 * size z cancel.
 */
export function stirlingError(z: number): number {
  const inverse = 1 / z;
  const square = inverse * inverse;
  return inverse * (1 / 12 - square * (1 / 360 - square * (1 / 1260 - square / 1680)));
}
