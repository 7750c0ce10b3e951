import { maxExpandedDepth, maxExpandedNodes, maxSegmentChain } from "../../rules/_lib/context.js";
import { issueSummary } from "../../_lib/issueSummary.js";
import { instantOf } from "../../_lib/instant.js";
import { pathKeys, pathLink } from "../../_lib/pathLinks.js";
import type { PathLink } from "../../_lib/pathLinks.js";
import type { Duration, Rule, RuleScalar, RuleTable, TimeUnit } from "../../rules/ast.js";
import { parseIsoInstant, subtractDuration } from "../../rules/_lib/time.js";
import type { SqlColumn, SqlColumnMapping, SqlColumnType, SqlCompileOptions, SqlEventMapping, SqlField, SqlJsonField, SqlParameter, SqlParameterType } from "../mapping.js";
import { quotedKey, unknownKey } from "../../_lib/arguments.js";
import type { OptionKeys } from "../../_lib/arguments.js";
import { SqlCompileError } from "../SqlCompileError.js";
import type { SqlCompileIssue } from "../SqlCompileError.js";
import { sqlDialect } from "../sqlDialect.js";
import type { SqlDialect } from "../sqlDialect.js";
import { dialectAdapter } from "./dialects.js";
import type { DialectAdapter, SqlScalarKind } from "./dialects.js";

/** Where a node sits in the rule, as a link to its parent (see `_lib/pathLinks.ts`). */
type Path = PathLink | undefined;

/** A resolved field: how to read it as each kind of value, and whether it is present. */
interface FieldReference {
  /** The column's type, or `"json"` for a JSON path (typed by each value's JSON type, like in memory). */
  readonly type: SqlColumnType | "json";
  /** The value as `kind`: NULL when missing or of another type; `undefined` when it can never be of that kind. */
  readonly read: (kind: SqlScalarKind) => string | undefined;
  /** TRUE when the value is present (not missing, null or NaN), else FALSE; never NULL. */
  readonly present: string;
  /** The column itself (array columns). */
  readonly sql: string;
}

/** Where field paths are resolved: the profile table, or the events table inside an event's `where`. */
export interface Scope {
  readonly columns: SqlColumnMapping;
  /** Quoted table alias that prefixes every column, or `undefined` for bare column names. */
  readonly qualifier: string | undefined;
  /** `true` inside an event's `where` (events cannot nest). */
  readonly inEvent: boolean;
}

/** Receives the aggregates of event conditions and returns the SQL that reads each one. */
export interface EventSink {
  /** `filter` is a boolean over the events alias; returns a non-null integer expression. */
  count(filter: string, alias: string): string;
  /** Sum of `value` over the events matching `filter`, 0 when there is none. */
  sum(filter: string, value: string, alias: string): string;
  /** The alias the next event condition's columns are qualified with. */
  nextAlias(): string;
  /** Told every event type a condition reads (to prefilter the events table). */
  noteType?(type: string): void;
}

const parameterMarker = "\u0001";
const parameterPattern = /\u0001(\d+)\u0001/gu;
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/u;
const columnTypes: ReadonlySet<string> = /* @__PURE__ */ new Set([
  "text",
  "number",
  "integer",
  "boolean",
  "timestamp",
  "textArray",
  "numberArray",
]);
const jsonTypes: ReadonlySet<string> = /* @__PURE__ */ new Set(["any", "timestamp"]);
// The keys of each mapping, complete by type: a key beside them would be ignored, so it is refused.
const columnMappingKeys = { column: true, type: true } as const satisfies OptionKeys<SqlColumn>;
const jsonMappingKeys = { json: true, path: true, type: true } as const satisfies OptionKeys<SqlJsonField>;
const eventMappingKeys = { table: true, customerId: true, type: true, timestamp: true, properties: true } as const satisfies OptionKeys<SqlEventMapping>;
const timeUnitSet: ReadonlySet<string> = /* @__PURE__ */ new Set(["seconds", "minutes", "hours", "days", "weeks", "months", "years"]);
/** Earliest instant bound as a timestamp parameter (0001-01-01T00:00:00Z); earlier bounds are unbounded. */
const earliestBoundMilliseconds = -62_135_596_800_000;
/** 9999-12-31T23:59:59.999Z, the last instant written with a four-digit year. */
const latestBoundMilliseconds = 253_402_300_799_999;

/** The scalar kind of a rule literal. */
function literalKind(value: unknown): SqlScalarKind | undefined {
  switch (typeof value) {
    case "string":
      return "text";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return undefined;
  }
}

/** The kind a literal must have to be compared with a column of this type (`undefined`: no scalar compares). */
function comparableKind(type: SqlColumnType): SqlScalarKind | undefined {
  switch (type) {
    case "text":
      return "text";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "timestamp":
    case "textArray":
    case "numberArray":
      return undefined;
  }
}

function elementKind(type: SqlColumnType): SqlScalarKind | undefined {
  return type === "textArray" ? "text" : type === "numberArray" ? "number" : undefined;
}

function escapeLike(value: string, escape: string): string {
  let out = "";
  for (const character of value) {
    if (character === escape || character === "%" || character === "_") out += escape;
    out += character;
  }
  return out;
}

const comparisonOperators = { eq: "=", ne: "<>", lt: "<", lte: "<=", gt: ">", gte: ">=" } as const;

/** One compilation: the parameters bound so far, the issues found, and the helpers every emitter uses. */
export class Compilation {
  readonly adapter: DialectAdapter;
  readonly dialect: SqlDialect;
  readonly issues: SqlCompileIssue[] = [];
  readonly params: SqlParameter[] = [];
  readonly paramTypes: SqlParameterType[] = [];
  readonly asOfMilliseconds: number;
  private readonly segmentStack: string[] = [];
  /** Nodes compiled so far, segment expansions included: bounds the SQL text (see maxExpandedNodes). */
  private compiledNodes = 0;

  constructor(
    readonly functionName: string,
    readonly options: SqlCompileOptions,
    readonly events: EventSink | undefined,
  ) {
    this.adapter = dialectAdapter(options.dialect, functionName);
    this.dialect = sqlDialect(options.dialect);
    const asOfMilliseconds = instantOf(options.asOf);
    if (Number.isNaN(asOfMilliseconds)) throw new TypeError(`${functionName} requires asOf to be a valid Date`);
    if (asOfMilliseconds < earliestBoundMilliseconds || asOfMilliseconds > latestBoundMilliseconds) {
      throw new RangeError(`${functionName} requires asOf in the years 1 to 9999, which every dialect's timestamps hold, got ${new Date(asOfMilliseconds).toISOString()}`);
    }
    if (typeof options.columns !== "object" || options.columns === null) {
      throw new TypeError(`${functionName} requires a columns mapping`);
    }
    const mode = options.onUnsupported ?? "throw";
    if (mode !== "throw" && mode !== "unknown") {
      throw new TypeError(`${functionName} requires onUnsupported to be "throw" or "unknown"`);
    }
    this.asOfMilliseconds = asOfMilliseconds;
    const eventMapping: unknown = options.events;
    const extra = typeof eventMapping === "object" && eventMapping !== null ? unknownKey(eventMapping, eventMappingKeys) : undefined;
    if (extra !== undefined) {
      this.issue("invalid_mapping", pathLink(undefined, "events", extra), `the events mapping has the key ${quotedKey(extra)}, which it does not take (its keys: ${Object.keys(eventMappingKeys).join(", ")})`);
    }
  }

  issue(code: SqlCompileIssue["code"], path: Path, message: string): string {
    this.issues.push({ code, path: pathKeys(path), message });
    return this.adapter.unknown;
  }

  /** An op or mapping the dialect cannot express: an issue, or UNKNOWN when `onUnsupported` is `"unknown"`. */
  unsupported(path: Path, message: string): string {
    if ((this.options.onUnsupported ?? "throw") === "unknown") return this.adapter.unknown;
    return this.issue("unsupported", path, message);
  }

  /** Binds a value and returns its placeholder, cast to `kind`. */
  bind(value: SqlParameter, kind: SqlScalarKind): string {
    this.params.push(value);
    this.paramTypes.push(kind === "timestamp" ? "text" : kind);
    return this.adapter.cast(`${parameterMarker}${this.params.length - 1}${parameterMarker}`, kind);
  }

  /** Binds an instant (epoch milliseconds) as an ISO-8601 string cast to the dialect's timestamp type. */
  bindInstant(milliseconds: number): string {
    return this.bind(new Date(milliseconds).toISOString(), "timestamp");
  }

  /** A quoted identifier from a mapping; an issue when it is not a usable name. */
  identifier(name: unknown, path: Path, what: string): string | undefined {
    if (typeof name !== "string" || name.length === 0 || controlCharacters.test(name)) {
      this.issue("invalid_mapping", path, `${what} must be a non-empty identifier without control characters, got ${JSON.stringify(name)}`);
      return undefined;
    }
    return this.dialect.quoteIdentifier(name);
  }

  /** A quoted, possibly qualified table name from a mapping. */
  tableName(name: unknown, path: Path, what: string): string | undefined {
    const parts = typeof name === "string" ? [name] : Array.isArray(name) && name.length > 0 ? (name as unknown[]) : undefined;
    if (parts === undefined) {
      this.issue("invalid_mapping", path, `${what} must be a table name or a non-empty list of name parts`);
      return undefined;
    }
    const quoted: string[] = [];
    for (const part of parts) {
      const one = this.identifier(part, path, what);
      if (one === undefined) return undefined;
      quoted.push(one);
    }
    return quoted.join(".");
  }

  /** Resolves a rule's field path in a scope. */
  field(field: unknown, path: Path, scope: Scope): FieldReference | undefined {
    const what = scope.inEvent ? "event property" : "field";
    if (typeof field !== "string") {
      this.issue("invalid_rule", path, `${what} must be a string`);
      return undefined;
    }
    if (!Object.hasOwn(scope.columns, field)) {
      this.issue("unmapped_field", path, `${what} ${JSON.stringify(field)} is not mapped to a column`);
      return undefined;
    }
    const mapping: SqlField | undefined = scope.columns[field];
    const prefix = scope.qualifier === undefined ? "" : `${scope.qualifier}.`;
    if (typeof mapping !== "object" || mapping === null) {
      this.issue("invalid_mapping", path, `the mapping of ${what} ${JSON.stringify(field)} must be an object`);
      return undefined;
    }
    /** An issue for a key the mapping does not take, which would be ignored; false when there is none. */
    const unknownMappingKey = (keys: Readonly<Record<string, true>>): boolean => {
      const extra = unknownKey(mapping, keys);
      if (extra === undefined) return false;
      const problem = Object.hasOwn(mapping, "column") && Object.hasOwn(mapping, "json") ? 'has both "column" and "json": a field is stored in one or the other' : `has the key ${quotedKey(extra)}, which it does not take (its keys: ${Object.keys(keys).join(", ")})`;
      this.issue("invalid_mapping", path, `the mapping of ${what} ${JSON.stringify(field)} ${problem}`);
      return true;
    };
    if (Object.hasOwn(mapping, "column")) {
      if (unknownMappingKey(columnMappingKeys)) return undefined;
      const { column, type } = mapping as { column: unknown; type: unknown };
      if (typeof type !== "string" || !columnTypes.has(type)) {
        this.issue("invalid_mapping", path, `the mapping of ${what} ${JSON.stringify(field)} has an unknown type ${JSON.stringify(type)}`);
        return undefined;
      }
      const quoted = this.identifier(column, path, `the column of ${what} ${JSON.stringify(field)}`);
      if (quoted === undefined) return undefined;
      const raw = `${prefix}${quoted}`;
      const sql = type === "number" ? this.adapter.nanToNull(raw) : type === "timestamp" ? this.adapter.finiteInstant(raw) : raw;
      const columnType = type as SqlColumnType;
      const own: SqlScalarKind | undefined = columnType === "timestamp" ? "timestamp" : comparableKind(columnType);
      return { type: columnType, sql, present: `(${sql} IS NOT NULL)`, read: (kind) => (kind === own ? sql : undefined) };
    }
    if (Object.hasOwn(mapping, "json")) {
      if (unknownMappingKey(jsonMappingKeys)) return undefined;
      const { json, path: keys, type } = mapping as { json: unknown; path: unknown; type: unknown };
      if (type !== undefined && (typeof type !== "string" || !jsonTypes.has(type))) {
        this.issue("invalid_mapping", path, `the JSON mapping of ${what} ${JSON.stringify(field)} has an unknown type ${JSON.stringify(type)}`);
        return undefined;
      }
      if (!Array.isArray(keys) || keys.length === 0 || !keys.every((key) => typeof key === "string")) {
        this.issue("invalid_mapping", path, `the JSON mapping of ${what} ${JSON.stringify(field)} needs a non-empty path of string keys`);
        return undefined;
      }
      const keyProblem = this.adapter.jsonKeyProblem === undefined ? undefined : (keys as string[]).map(this.adapter.jsonKeyProblem).find((problem) => problem !== undefined);
      if (keyProblem !== undefined) {
        this.issue("invalid_mapping", path, `the JSON mapping of ${what} ${JSON.stringify(field)}: ${keyProblem}`);
        return undefined;
      }
      const quoted = this.identifier(json, path, `the JSON column of ${what} ${JSON.stringify(field)}`);
      if (quoted === undefined) return undefined;
      const { jsonScalar, jsonPathParams } = this.adapter;
      if (jsonScalar === undefined || jsonPathParams === undefined) {
        this.unsupported(path, `${this.adapter.name} does not support JSON-path mappings (field ${JSON.stringify(field)})`);
        return undefined;
      }
      const column = `${prefix}${quoted}`;
      const params = () => jsonPathParams(keys as string[]).map((key) => this.bind(key, "text"));
      const { jsonPresent } = this.adapter;
      return {
        type: "json",
        sql: column,
        present: jsonPresent === undefined ? "FALSE" : jsonPresent(column, params()),
        // A JSON path declared as "timestamp" holds ISO-8601 strings read as instants; otherwise each
        // value has its JSON type (string, number, boolean) and instants never occur, as in memory.
        read: (kind) =>
          type === "timestamp"
            ? kind === "timestamp" ? jsonScalar(column, params(), "timestamp") : undefined
            : kind === "timestamp" ? undefined : jsonScalar(column, params(), kind),
      };
    }
    this.issue("invalid_mapping", path, `the mapping of ${what} ${JSON.stringify(field)} needs "column" or "json"`);
    return undefined;
  }

  /** The kind of a rule literal; an issue (and `undefined`) for anything but a string, finite number or boolean. */
  literalKind(value: unknown, path: Path): SqlScalarKind | undefined {
    const kind = literalKind(value);
    if (kind === undefined) {
      this.issue("invalid_rule", path, `a literal must be a string, number or boolean, got ${value === null ? "null" : typeof value}`);
      return undefined;
    }
    if (kind === "number" && !Number.isFinite(value)) {
      this.issue("invalid_rule", path, `a number literal must be finite, got ${String(value)}`);
      return undefined;
    }
    return kind;
  }

  /** Compiles a rule in a scope; returns a parenthesized boolean SQL expression. */
  rule(rule: Rule, path: Path, scope: Scope, depth: number): string {
    if (depth > maxExpandedDepth) return this.issue("too_deep", path, `the rule is nested more than ${maxExpandedDepth.toLocaleString("en-US")} levels deep`);
    if (++this.compiledNodes > maxExpandedNodes) {
      if (this.compiledNodes === maxExpandedNodes + 1) this.issue("too_many_nodes", path, `the rule expands to more than ${maxExpandedNodes} nodes through its segment references`);
      return this.adapter.unknown;
    }
    if (typeof rule !== "object" || rule === null || typeof (rule as { op?: unknown }).op !== "string") {
      return this.issue("invalid_rule", path, "a rule must be an object with an op");
    }
    const op = rule.op;
    if (!Object.hasOwn(emitters, op)) return this.issue("invalid_rule", pathLink(path, "op"), `unknown op ${JSON.stringify(op)}`);
    const emit = emitters[op] as (node: Rule, compilation: Compilation, path: Path, scope: Scope, depth: number) => string;
    return emit(rule, this, path, scope, depth);
  }

  /** Compiles a named segment's rule inline, refusing cycles. */
  segment(name: unknown, path: Path, scope: Scope, depth: number): string {
    const segments = this.options.segments;
    if (typeof name !== "string" || segments === undefined || !Object.hasOwn(segments, name)) {
      return this.issue("unknown_segment", path, `segment ${JSON.stringify(name)} is not defined`);
    }
    if (this.segmentStack.includes(name)) {
      return this.issue("segment_cycle", path, `segment ${JSON.stringify(name)} refers to itself through ${[...this.segmentStack, name].join(" → ")}`);
    }
    const rule = segments[name];
    if (rule === undefined) return this.issue("unknown_segment", path, `segment ${JSON.stringify(name)} is not defined`);
    // As in memory: a chain of more than 100 segments is refused, and a segment's rule takes the place (and depth) of the inSegment node.
    if (this.segmentStack.length >= maxSegmentChain) return this.issue("too_deep", path, `segments refer to one another more than ${maxSegmentChain} levels deep`);
    this.segmentStack.push(name);
    try {
      return this.rule(rule, pathLink(path, "segment", name), scope, depth);
    } finally {
      this.segmentStack.pop();
    }
  }

  /** Lower bound of a window ending at `asOf`, in epoch milliseconds (`-Infinity` when unbounded). */
  windowStart(duration: Duration, path: Path): number | undefined {
    if (typeof duration !== "object" || duration === null) {
      this.issue("invalid_rule", path, "a duration needs a non-negative integer amount and a time unit");
      return undefined;
    }
    const { amount, unit } = duration as { amount: unknown; unit: unknown };
    if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount < 0 || typeof unit !== "string" || !timeUnitSet.has(unit)) {
      this.issue("invalid_rule", path, "a duration needs a non-negative integer amount and a time unit");
      return undefined;
    }
    const start = subtractDuration(this.asOfMilliseconds, amount, unit as TimeUnit);
    return start < earliestBoundMilliseconds ? Number.NEGATIVE_INFINITY : start;
  }

  /** `start <= value <= asOf` on a timestamp expression. */
  window(value: string, start: number): string {
    const upper = `${value} <= ${this.bindInstant(this.asOfMilliseconds)}`;
    return start === Number.NEGATIVE_INFINITY ? `(${upper})` : `(${value} >= ${this.bindInstant(start)} AND ${upper})`;
  }

  /** Throws the collected issues, if any. */
  check(): void {
    if (this.issues.length === 0) return;
    throw new SqlCompileError(issueSummary(this.functionName, this.issues), this.issues);
  }

  /**
   * Replaces the internal parameter markers by the dialect's placeholders, numbered in order of
   * appearance from `offset + 1`, and returns the parameters in that order.
   */
  finish(text: string, offset: number): { sql: string; params: SqlParameter[]; paramTypes: SqlParameterType[] } {
    const params: SqlParameter[] = [];
    const paramTypes: SqlParameterType[] = [];
    const sql = text.replace(parameterPattern, (_match, index: string) => {
      params.push(this.params[Number(index)] as SqlParameter);
      paramTypes.push(this.paramTypes[Number(index)] ?? "text");
      return this.dialect.placeholder(offset + params.length);
    });
    return { sql, params, paramTypes };
  }
}

type Emitter = (node: never, compilation: Compilation, path: Path, scope: Scope, depth: number) => string;

function unknownUnlessNull(compilation: Compilation, value: string, known: "TRUE" | "FALSE"): string {
  return `(CASE WHEN ${value} IS NULL THEN ${compilation.adapter.unknown} ELSE ${known} END)`;
}

function comparison(op: keyof typeof comparisonOperators) {
  return (node: { field: string; value: RuleScalar }, c: Compilation, path: Path, scope: Scope): string => {
    const field = c.field(node.field, pathLink(path, "field"), scope);
    if (field === undefined) return c.adapter.unknown;
    const kind = c.literalKind(node.value, pathLink(path, "value"));
    if (kind === undefined) return c.adapter.unknown;
    // Booleans have no order in the rule DSL: lt/lte/gt/gte on a boolean are UNKNOWN.
    if (op !== "eq" && op !== "ne" && kind === "boolean") return c.adapter.unknown;
    // A value of another type than the literal compares as UNKNOWN.
    const value = field.read(kind);
    if (value === undefined) return c.adapter.unknown;
    const ordered = op !== "eq" && op !== "ne" && kind === "text";
    const left = ordered ? c.adapter.binaryOrder(value) : value;
    return `(${left} ${comparisonOperators[op]} ${c.bind(node.value, kind)})`;
  };
}

function membership(negated: boolean) {
  return (node: { field: string; values: ReadonlyArray<RuleScalar> }, c: Compilation, path: Path, scope: Scope): string => {
    const field = c.field(node.field, pathLink(path, "field"), scope);
    if (field === undefined) return c.adapter.unknown;
    if (!Array.isArray(node.values)) return c.issue("invalid_rule", pathLink(path, "values"), "values must be an array");
    if (node.values.length === 0) {
      // in [] is FALSE for everyone; notIn [] is TRUE for a present value and UNKNOWN for a missing one.
      return negated ? `(CASE WHEN ${field.present} THEN TRUE ELSE ${c.adapter.unknown} END)` : "FALSE";
    }
    const byKind = new Map<SqlScalarKind, SqlParameter[]>();
    node.values.forEach((value, index) => {
      const kind = c.literalKind(value, pathLink(path, "values", index));
      if (kind === undefined) return;
      const list = byKind.get(kind) ?? [];
      list.push(value);
      byKind.set(kind, list);
    });
    // x IN (a, b, ...) is the Kleene OR of x = a, x = b, ...; a literal of another type than the
    // value compares as UNKNOWN, so for a value of kind k the result is (x IN <literals of kind k>),
    // OR UNKNOWN when the list has literals of other kinds. A missing value is UNKNOWN.
    const branches: string[] = [];
    for (const [kind, values] of byKind) {
      const value = field.read(kind);
      if (value === undefined) continue;
      const list = `${value} IN (${values.map((item) => c.bind(item, kind)).join(", ")})`;
      branches.push(`WHEN ${value} IS NOT NULL THEN ${byKind.size > 1 ? `(${list} OR ${c.adapter.unknown})` : `(${list})`}`);
    }
    const inList = branches.length === 0 ? c.adapter.unknown : `(CASE ${branches.join(" ")} ELSE ${c.adapter.unknown} END)`;
    return negated ? `(NOT ${inList})` : inList;
  };
}

function text(kind: "contains" | "startsWith" | "endsWith") {
  return (node: { field: string; value: string; caseInsensitive?: boolean }, c: Compilation, path: Path, scope: Scope): string => {
    const field = c.field(node.field, pathLink(path, "field"), scope);
    if (field === undefined) return c.adapter.unknown;
    if (typeof node.value !== "string") return c.issue("invalid_rule", pathLink(path, "value"), "value must be a string");
    const value = field.read("text");
    if (value === undefined) return c.adapter.unknown;
    const escaped = escapeLike(node.value, c.adapter.likeEscape);
    const pattern = kind === "contains" ? `%${escaped}%` : kind === "startsWith" ? `${escaped}%` : `%${escaped}`;
    const bound = c.bind(pattern, "text");
    return node.caseInsensitive === true ? c.adapter.like(c.adapter.lower(value), c.adapter.lower(bound)) : c.adapter.like(value, bound);
  };
}

function array(kind: "hasAny" | "hasAll" | "hasNone") {
  return (node: { field: string; values: ReadonlyArray<RuleScalar> }, c: Compilation, path: Path, scope: Scope): string => {
    const field = c.field(node.field, pathLink(path, "field"), scope);
    if (field === undefined) return c.adapter.unknown;
    if (!Array.isArray(node.values)) return c.issue("invalid_rule", pathLink(path, "values"), "values must be an array");
    if (field.type === "json") return c.unsupported(pathLink(path, "field"), "array ops on JSON paths are not supported; map the field to an array column");
    const element = elementKind(field.type);
    if (element === undefined) return c.adapter.unknown;
    const tests: string[] = [];
    node.values.forEach((value, index) => {
      const kindOfValue = literalKind(value);
      if (kindOfValue === undefined || (kindOfValue === "number" && !Number.isFinite(value))) {
        c.issue("invalid_rule", pathLink(path, "values", index), "array op values must be finite numbers, strings or booleans");
        return;
      }
      if (kindOfValue !== element) {
        // Every element compares as UNKNOWN: FALSE for an empty array, UNKNOWN otherwise.
        tests.push(`(CASE WHEN ${c.adapter.arrayLength(field.sql)} = 0 THEN FALSE ELSE ${c.adapter.unknown} END)`);
        return;
      }
      tests.push(c.adapter.arrayContains(field.sql, c.bind(value, element), field.type === "numberArray"));
    });
    if (tests.length === 0) return unknownUnlessNull(c, field.sql, kind === "hasAny" ? "FALSE" : "TRUE");
    if (kind === "hasAll") return `(${tests.join(" AND ")})`;
    const any = `(${tests.join(" OR ")})`;
    return kind === "hasAny" ? any : `(NOT ${any})`;
  };
}

function presence(negated: boolean) {
  return (node: { field: string }, c: Compilation, path: Path, scope: Scope): string => {
    const field = c.field(node.field, pathLink(path, "field"), scope);
    if (field === undefined) return c.adapter.unknown;
    return negated ? `(NOT ${field.present})` : field.present;
  };
}

function timeBound(direction: "before" | "after") {
  return (node: Rule & { field: string }, c: Compilation, path: Path, scope: Scope): string => {
    const field = c.field(node.field, pathLink(path, "field"), scope);
    if (field === undefined) return c.adapter.unknown;
    let bound: number | undefined;
    if (Object.hasOwn(node, "date")) {
      const date = (node as { date: unknown }).date;
      // Whole milliseconds, as `evaluate` binds them: a finer `before` bound rounds up, an `after` bound down.
      bound = typeof date === "string" ? parseIsoInstant(date, direction === "before" ? "up" : "down") : Number.NaN;
      if (Number.isNaN(bound)) return c.issue("invalid_date", pathLink(path, "date"), `date ${JSON.stringify(date)} is not an ISO-8601 instant`);
    } else {
      bound = c.windowStart(node as unknown as Duration, path);
      if (bound === undefined) return c.adapter.unknown;
    }
    const value = field.read("timestamp");
    if (value === undefined) return c.adapter.unknown;
    if (bound < earliestBoundMilliseconds) return unknownUnlessNull(c, value, direction === "before" ? "FALSE" : "TRUE");
    // A date past the year 9999 in UTC ("9999-12-31T20:00:00-05:00") has no four-digit ISO form that
    // the databases read: every timestamp is before it, as in memory.
    if (bound > latestBoundMilliseconds) return unknownUnlessNull(c, value, direction === "before" ? "TRUE" : "FALSE");
    return `(${value} ${direction === "before" ? "<" : ">"} ${c.bindInstant(bound)})`;
  };
}

function bounds(c: Compilation, value: string, bounds: unknown, path: Path): string[] {
  const parts: string[] = [];
  if (typeof bounds !== "object" || bounds === null) {
    c.issue("invalid_rule", path, "aggregate bounds must be an object");
    return parts;
  }
  for (const [key, operator] of [["gte", ">="], ["lte", "<="]] as const) {
    if (!Object.hasOwn(bounds, key)) continue;
    const limit = (bounds as Record<string, unknown>)[key];
    if (typeof limit !== "number" || !Number.isFinite(limit)) {
      c.issue("invalid_rule", pathLink(path, key), `${key} must be a finite number`);
      continue;
    }
    parts.push(`${value} ${operator} ${c.bind(limit, "number")}`);
  }
  return parts;
}

function eventCondition(node: Rule & { op: "event" }, c: Compilation, path: Path, scope: Scope, depth: number): string {
  if (scope.inEvent) return c.issue("nested_event", path, "event conditions cannot be nested inside an event's where");
  const events: SqlEventMapping | undefined = c.options.events;
  if (events === undefined || c.events === undefined) {
    return c.issue("missing_events_mapping", path, "event conditions need the events table mapping (options.events)");
  }
  const alias = c.events.nextAlias();
  const typeColumn = c.identifier(events.type, pathLink(undefined, "events", "type"), "events.type");
  const timeColumn = c.identifier(events.timestamp, pathLink(undefined, "events", "timestamp"), "events.timestamp");
  if (typeColumn === undefined || timeColumn === undefined) return c.adapter.unknown;
  if (typeof node.type !== "string") return c.issue("invalid_rule", pathLink(path, "type"), "type must be a string");
  c.events.noteType?.(node.type);
  const filters = [`${alias}.${typeColumn} = ${c.bind(node.type, "text")}`];
  // Events count only up to the clock: asOf - window <= t <= asOf (no window: t <= asOf).
  const start = node.withinLast === undefined ? Number.NEGATIVE_INFINITY : c.windowStart(node.withinLast, pathLink(path, "withinLast"));
  if (start !== undefined) filters.push(c.window(c.adapter.finiteInstant(`${alias}.${timeColumn}`), start));
  const eventScope: Scope = { columns: events.properties ?? {}, qualifier: alias, inEvent: true };
  if (node.where !== undefined) filters.push(c.rule(node.where, pathLink(path, "where"), eventScope, depth + 1));
  const filter = filters.join(" AND ");
  const conditions: string[] = [];
  if (node.count !== undefined) conditions.push(...bounds(c, c.events.count(filter, alias), node.count, pathLink(path, "count")));
  if (node.sum !== undefined && (typeof node.sum !== "object" || node.sum === null)) {
    c.issue("invalid_rule", pathLink(path, "sum"), "sum must be an object with a property and bounds");
  } else if (node.sum !== undefined) {
    const property = c.field(node.sum.property, pathLink(path, "sum", "property"), eventScope);
    const amount = property?.read("number");
    if (property !== undefined && amount === undefined) {
      c.issue("invalid_mapping", pathLink(path, "sum", "property"), `sum needs a numeric property, ${JSON.stringify(node.sum.property)} is ${property.type}`);
    } else if (amount !== undefined) {
      // Only finite numbers are summed (other values are ignored, like the in-memory reducer), as
      // doubles: SUM over an integer column would add exactly where JavaScript rounds past 2^53.
      const double = property?.type === "integer" ? c.adapter.cast(amount, "number") : amount;
      conditions.push(...bounds(c, c.events.sum(filter, c.adapter.finiteOrNull(double), alias), node.sum, pathLink(path, "sum")));
    }
  }
  if (node.count === undefined && node.sum === undefined) conditions.push(`${c.events.count(filter, alias)} >= 1`);
  return conditions.length === 0 ? "TRUE" : `(${conditions.join(" AND ")})`;
}

/** `and` / `or`: an empty `and` is TRUE, an empty `or` FALSE. */
function junction(rules: unknown, operator: "AND" | "OR", c: Compilation, path: Path, scope: Scope, depth: number): string {
  if (!Array.isArray(rules)) return c.issue("invalid_rule", pathLink(path, "rules"), "rules must be an array");
  if (rules.length === 0) return operator === "AND" ? "TRUE" : "FALSE";
  // An indexed loop visits holes too (map would skip them and leave an empty operand). `+` keeps the
  // children as ropes; `join` would copy every level's text again, O(size × depth) in deep rules.
  const list = rules as ArrayLike<Rule>;
  let text = `(${c.rule(list[0] as Rule, pathLink(path, "rules", 0), scope, depth + 1)}`;
  for (let index = 1; index < list.length; index += 1) text += ` ${operator} ${c.rule(list[index] as Rule, pathLink(path, "rules", index), scope, depth + 1)}`;
  return `${text})`;
}

/** The SQL emitter of every op: one table, shared by all dialects through {@link DialectAdapter}. */
export const emitters = {
  and: (node, c, path, scope, depth) => junction(node.rules, "AND", c, path, scope, depth),
  or: (node, c, path, scope, depth) => junction(node.rules, "OR", c, path, scope, depth),
  not: (node, c, path, scope, depth) => `(NOT ${c.rule(node.rule, pathLink(path, "rule"), scope, depth + 1)})`,
  always: () => "TRUE",
  never: () => "FALSE",
  eq: comparison("eq"),
  ne: comparison("ne"),
  lt: comparison("lt"),
  lte: comparison("lte"),
  gt: comparison("gt"),
  gte: comparison("gte"),
  between: (node, c, path, scope) => {
    const field = c.field(node.field, pathLink(path, "field"), scope);
    if (field === undefined) return c.adapter.unknown;
    const kind = c.literalKind(node.min, pathLink(path, "min"));
    const maxKind = c.literalKind(node.max, pathLink(path, "max"));
    if (kind === undefined || maxKind === undefined) return c.adapter.unknown;
    if (kind !== maxKind || kind === "boolean") return c.issue("invalid_rule", path, "between needs min and max that are both numbers or both strings");
    const read = field.read(kind);
    if (read === undefined) return c.adapter.unknown;
    const value = kind === "text" ? c.adapter.binaryOrder(read) : read;
    return `(${value} >= ${c.bind(node.min, kind)} AND ${value} <= ${c.bind(node.max, kind)})`;
  },
  in: membership(false),
  notIn: membership(true),
  contains: text("contains"),
  startsWith: text("startsWith"),
  endsWith: text("endsWith"),
  hasAny: array("hasAny"),
  hasAll: array("hasAll"),
  hasNone: array("hasNone"),
  exists: presence(false),
  missing: presence(true),
  withinLast: (node, c, path, scope) => {
    const field = c.field(node.field, pathLink(path, "field"), scope);
    if (field === undefined) return c.adapter.unknown;
    const start = c.windowStart(node, path);
    const value = field.read("timestamp");
    if (start === undefined || value === undefined) return c.adapter.unknown;
    return c.window(value, start);
  },
  before: timeBound("before"),
  after: timeBound("after"),
  event: eventCondition,
  inSegment: (node, c, path, scope, depth) => {
    if (scope.inEvent) return c.issue("invalid_rule", path, "inSegment cannot appear inside an event's where");
    // The referenced rule's three-valued result, as in evaluate, compileRule and assignSegments.
    return c.segment(node.segment, path, scope, depth);
  },
} satisfies RuleTable<Emitter>;
