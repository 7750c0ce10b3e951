/**
 * Field readers for `compileRule`: the value at a dot path, read through own properties of non-array
 * objects only (the same result as `readPath`), `undefined` when a step is missing.
 *
 * Why the pool of identical functions below: V8 keeps its inline caches per function literal, not
 * per closure. If every reader came from one literal, a rule reading three fields would turn that
 * literal's property loads megamorphic (a hash-table probe on every read). A literal that serves one
 * path only keeps them monomorphic, as in hand-written code. So the first 16 distinct paths of one
 * or two segments compiled in a process each get a literal of their own, and one reader closure
 * that every later rule reading that path shares. Later paths, and longer ones, share the generic
 * reader. Measured in the rule benchmark (bench/rules/RESULTS.md): R1 compiled alone went from
 * 4.8 to 2.9 ms per 100,000 profiles. `test/rules/fieldReaders.test.ts` checks that the copies are
 * identical.
 */
import { readPath } from "./leaves.js";
import { splitPath } from "../../_lib/fieldPaths.js";

/** Reads one field of a profile. */
export type FieldReader = (profile: unknown) => unknown;

type Fields = Record<string, unknown>;
// `hasOwnProperty.call` measured 5-10 % faster than `Object.hasOwn` in these readers (Node 20, V8 11.3).
const hasOwnProperty = Object.prototype.hasOwnProperty;
type ReaderLiteral = (first: string, second: string | undefined) => FieldReader;

// 16 copies of one reader, each its own function literal (see above). Keep them identical.
const literals: ReadonlyArray<ReaderLiteral> = [
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
  (a, b) => (profile) => {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile) || !hasOwnProperty.call(profile, a)) return undefined;
    const value = (profile as Fields)[a];
    if (b === undefined) return value;
    if (typeof value !== "object" || value === null || Array.isArray(value) || !hasOwnProperty.call(value, b)) return undefined;
    return (value as Fields)[b];
  },
];

const dedicated = new Map<string, FieldReader>();

/**
 * The reader of `field`: a dedicated one while the pool lasts (one or two segments), else a
 * closure over `readPath`.
 */
export function compileReader(field: string): FieldReader {
  const known = dedicated.get(field);
  if (known !== undefined) return known;
  const segments = splitPath(field);
  const literal = literals[dedicated.size];
  if (segments.length > 2 || literal === undefined) return (profile) => readPath(profile, segments);
  const reader = literal(segments[0] as string, segments[1]);
  dedicated.set(field, reader);
  return reader;
}
