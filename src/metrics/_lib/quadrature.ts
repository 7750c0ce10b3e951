/** Adaptive Gauss-Kronrod (7/15) quadrature over given breakpoints. @internal */

const NODES = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.58608723546769113029414483825873, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0,
];
const KRONROD = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.16900472663926790282658342659855, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
const GAUSS = [0.129484966168869693270611432679082, 0.27970539148927666790146777142378, 0.381830050505118944950369775488975, 0.417959183673469387755102040816327];

interface Segment {
  readonly a: number;
  readonly b: number;
  readonly value: number;
  readonly error: number;
}

function kronrod(f: (x: number) => number, a: number, b: number): Segment {
  const centre = (a + b) / 2;
  const half = (b - a) / 2;
  const fc = f(centre);
  let k = fc * (KRONROD[7] as number);
  let g = fc * (GAUSS[3] as number);
  for (let i = 0; i < 7; i++) {
    const dx = half * (NODES[i] as number);
    const sum = f(centre - dx) + f(centre + dx);
    k += (KRONROD[i] as number) * sum;
    if (i % 2 === 1) g += (GAUSS[(i - 1) / 2] as number) * sum;
  }
  return { a, b, value: k * half, error: Math.abs((k - g) * half) };
}

/**
 * ∫ f over [breakpoints[0], breakpoints[last]], bisecting the segment with the largest error estimate
 * until the total estimated error is below `relativeTolerance` × |total| (or `maxSegments` is reached).
 */
export function integrate(f: (x: number) => number, breakpoints: ReadonlyArray<number>, relativeTolerance = 1e-13, maxSegments = 4000): number {
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < breakpoints.length; i++) {
    const a = breakpoints[i] as number;
    const b = breakpoints[i + 1] as number;
    if (b > a) segments.push(kronrod(f, a, b));
  }
  for (;;) {
    let total = 0;
    let error = 0;
    let worst = 0;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as Segment;
      total += segment.value;
      error += segment.error;
      if (segment.error > (segments[worst] as Segment).error) worst = i;
    }
    if (segments.length === 0) return 0;
    if (error <= relativeTolerance * Math.abs(total) || error < 1e-300 || segments.length >= maxSegments) return total;
    const segment = segments[worst] as Segment;
    const middle = (segment.a + segment.b) / 2;
    if (!(middle > segment.a && middle < segment.b)) return total;
    segments[worst] = kronrod(f, segment.a, middle);
    segments.push(kronrod(f, middle, segment.b));
  }
}
