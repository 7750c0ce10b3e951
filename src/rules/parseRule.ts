import { pathKeys, pathLink } from "../_lib/pathLinks.js";
import type { PathLink } from "../_lib/pathLinks.js";
import { thrownMessage } from "../_lib/thrownMessage.js";
import type { Rule, RuleOp, TimeUnit } from "./ast.js";
import { timeUnits } from "./ast.js";
import { RuleError } from "./RuleError.js";
import type { RuleIssue, RuleIssueCode } from "./RuleError.js";
import { ruleErrorMessage } from "./_lib/issues.js";
import { pathProblem } from "../_lib/fieldPaths.js";
import { parseIsoInstant } from "./_lib/time.js";
import { isRecord, jsonType, maxIssues, ownItems } from "./_lib/json.js";
import { resolveRuleLimits } from "./_lib/limits.js";

/**
 * Limits applied while parsing untrusted rule JSON. Each has a safe default; raise them only for
 * trusted documents.
 */
export interface RuleLimits {
  /** Deepest nesting of rule nodes (the root is depth 1; an event's `where` is one level deeper). Default 32, at most 1,000. */
  readonly maxDepth?: number;
  /** Most rule nodes in one document. Default 10,000. */
  readonly maxNodes?: number;
  /** Longest `rules` / `values` list. Default 10,000. */
  readonly maxListLength?: number;
  /** Longest string (field path, value, segment id, date), in UTF-16 code units. Default 10,000. */
  readonly maxStringLength?: number;
}

/** The result of {@link safeParseRule}: zod's shape. */
export type SafeParseRuleResult =
  | { readonly success: true; readonly data: Rule }
  | { readonly success: false; readonly error: RuleError };

const opKeys: Readonly<Record<RuleOp, { readonly required: ReadonlyArray<string>; readonly optional: ReadonlyArray<string> }>> = {
  and: { required: ["rules"], optional: [] },
  or: { required: ["rules"], optional: [] },
  not: { required: ["rule"], optional: [] },
  always: { required: [], optional: [] },
  never: { required: [], optional: [] },
  eq: { required: ["field", "value"], optional: [] },
  ne: { required: ["field", "value"], optional: [] },
  lt: { required: ["field", "value"], optional: [] },
  lte: { required: ["field", "value"], optional: [] },
  gt: { required: ["field", "value"], optional: [] },
  gte: { required: ["field", "value"], optional: [] },
  between: { required: ["field", "min", "max"], optional: [] },
  in: { required: ["field", "values"], optional: [] },
  notIn: { required: ["field", "values"], optional: [] },
  contains: { required: ["field", "value"], optional: ["caseInsensitive"] },
  startsWith: { required: ["field", "value"], optional: ["caseInsensitive"] },
  endsWith: { required: ["field", "value"], optional: ["caseInsensitive"] },
  hasAny: { required: ["field", "values"], optional: [] },
  hasAll: { required: ["field", "values"], optional: [] },
  hasNone: { required: ["field", "values"], optional: [] },
  exists: { required: ["field"], optional: [] },
  missing: { required: ["field"], optional: [] },
  withinLast: { required: ["field", "amount", "unit"], optional: [] },
  before: { required: ["field"], optional: ["date", "amount", "unit"] },
  after: { required: ["field"], optional: ["date", "amount", "unit"] },
  event: { required: ["type"], optional: ["where", "withinLast", "count", "sum"] },
  inSegment: { required: ["segment"], optional: [] },
};

/** Where a node sits in the document, as a link to its parent (see `_lib/pathLinks.ts`). */
type Path = PathLink | undefined;
type Slot = { [key: string | number]: unknown };

interface Task {
  readonly input: unknown;
  readonly path: Path;
  readonly depth: number;
  readonly target: Slot;
  readonly key: string | number;
  /** Inside an event's `where`: a rule over event properties, where `event` and `inSegment` make no sense. */
  readonly inWhere: boolean;
}

class Walker {
  readonly issues: RuleIssue[] = [];
  readonly maxDepth: number;
  readonly maxNodes: number;
  readonly maxListLength: number;
  readonly maxStringLength: number;
  nodes = 0;
  stopped = false;
  readonly stack: Task[] = [];

  constructor(limits: RuleLimits | undefined) {
    const resolved = resolveRuleLimits("parseRule", limits);
    this.maxDepth = resolved.maxDepth;
    this.maxNodes = resolved.maxNodes;
    this.maxListLength = resolved.maxListLength;
    this.maxStringLength = resolved.maxStringLength;
  }

  issue(code: RuleIssueCode, path: Path, message: string): void {
    if (this.stopped) return;
    this.issues.push({ code, path: pathKeys(path), message });
    if (this.issues.length >= maxIssues) this.stopped = true;
  }

  string(value: unknown, path: Path, what: string): string | undefined {
    if (typeof value !== "string") {
      this.issue("invalid_type", path, `${what} must be a string, got ${jsonType(value)}`);
      return undefined;
    }
    if (value.length > this.maxStringLength) {
      this.issue("string_too_long", path, `${what} is ${value.length} characters long, more than the limit of ${this.maxStringLength}`);
      return undefined;
    }
    return value;
  }

  field(value: unknown, path: Path, what = "field"): string | undefined {
    const text = this.string(value, path, what);
    if (text === undefined) return undefined;
    const problem = pathProblem(text);
    if (problem !== undefined) {
      this.issue(problem.code, path, problem.message);
      return undefined;
    }
    return text;
  }

  nonEmptyString(value: unknown, path: Path, what: string): string | undefined {
    const text = this.string(value, path, what);
    if (text === "") {
      this.issue("invalid_value", path, `${what} must not be empty`);
      return undefined;
    }
    return text;
  }

  finite(value: unknown, path: Path, what: string): number | undefined {
    if (typeof value !== "number") {
      this.issue("invalid_type", path, `${what} must be a number, got ${jsonType(value)}`);
      return undefined;
    }
    if (!Number.isFinite(value)) {
      this.issue("non_finite_number", path, `${what} must be a finite number, got ${String(value)}`);
      return undefined;
    }
    return value === 0 ? 0 : value;
  }

  scalar(value: unknown, path: Path, what: string): string | number | boolean | undefined {
    if (typeof value === "string") return this.string(value, path, what);
    if (typeof value === "number") return this.finite(value, path, what);
    if (typeof value === "boolean") return value;
    const hint = value === null || value === undefined ? " (null is never a literal: use exists or missing)" : "";
    this.issue("invalid_type", path, `${what} must be a string, number or boolean, got ${jsonType(value)}${hint}`);
    return undefined;
  }

  scalarList(value: unknown, path: Path): Array<string | number | boolean> | undefined {
    if (!Array.isArray(value)) {
      this.issue("invalid_type", path, `values must be an array, got ${jsonType(value)}`);
      return undefined;
    }
    if (value.length > this.maxListLength) {
      this.issue("list_too_long", path, `values has ${value.length} items, more than the limit of ${this.maxListLength}`);
      return undefined;
    }
    const items = ownItems(value, this.maxListLength);
    const out: Array<string | number | boolean> = [];
    let ok = true;
    for (let index = 0; index < items.length && !this.stopped; index += 1) {
      const item = this.scalar(items[index], pathLink(path, index), "each value");
      if (item === undefined) ok = false;
      else out.push(item);
    }
    return ok ? out : undefined;
  }

  amount(value: unknown, path: Path): number | undefined {
    const amount = this.finite(value, path, "amount");
    if (amount === undefined) return undefined;
    if (!Number.isSafeInteger(amount) || amount < 0) {
      this.issue("invalid_value", path, `amount must be a non-negative integer, got ${amount}`);
      return undefined;
    }
    return amount;
  }

  unit(value: unknown, path: Path): TimeUnit | undefined {
    if (typeof value === "string" && (timeUnits as ReadonlyArray<string>).includes(value)) return value as TimeUnit;
    this.issue("invalid_unit", path, `unit must be one of ${timeUnits.join(", ")}, got ${typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : jsonType(value)}`);
    return undefined;
  }

  /**
   * Checks an object's keys against an allow-list; reports extras and missing required keys. Returns
   * whether every required key is there: an extra key does not stop the checks of the others (or of
   * the children), so a UI that kept an `id` on a group still sees every other problem at once.
   */
  keys(node: Readonly<Record<string, unknown>>, path: Path, required: ReadonlyArray<string>, optional: ReadonlyArray<string>, what: string): boolean {
    let ok = true;
    for (const key of Object.keys(node)) {
      if (!required.includes(key) && !optional.includes(key)) {
        this.issue("unrecognized_key", pathLink(path, key), `${what} does not take the key ${JSON.stringify(key.slice(0, 40))}`);
      }
    }
    for (const key of required) {
      if (!Object.hasOwn(node, key)) {
        this.issue("missing_key", pathLink(path, key), `${what} requires the key "${key}"`);
        ok = false;
      }
    }
    return ok;
  }

  bounds(value: unknown, path: Path, what: string, extra: ReadonlyArray<string>): { gte?: number; lte?: number; rest: Readonly<Record<string, unknown>> } | undefined {
    if (!isRecord(value)) {
      this.issue("invalid_type", path, `${what} must be an object, got ${jsonType(value)}`);
      return undefined;
    }
    if (!this.keys(value, path, extra, ["gte", "lte"], what)) return undefined;
    const out: { gte?: number; lte?: number; rest: Readonly<Record<string, unknown>> } = { rest: value };
    let ok = true;
    if (Object.hasOwn(value, "gte")) {
      const gte = this.finite(value["gte"], pathLink(path, "gte"), `${what}.gte`);
      if (gte === undefined) ok = false;
      else out.gte = gte;
    }
    if (Object.hasOwn(value, "lte")) {
      const lte = this.finite(value["lte"], pathLink(path, "lte"), `${what}.lte`);
      if (lte === undefined) ok = false;
      else out.lte = lte;
    }
    if (!ok) return undefined;
    if (out.gte === undefined && out.lte === undefined) {
      this.issue("invalid_range", path, `${what} needs at least one of gte and lte`);
      return undefined;
    }
    if (out.gte !== undefined && out.lte !== undefined && out.gte > out.lte) {
      this.issue("invalid_range", path, `${what}.gte ${out.gte} is greater than ${what}.lte ${out.lte}`);
      return undefined;
    }
    return out;
  }

  /** Validates one node and schedules its children; writes the clean node into `task.target[task.key]`. */
  node(task: Task): void {
    const { input, path, depth } = task;
    if (!isRecord(input)) {
      this.issue("invalid_type", path, `a rule must be an object, got ${jsonType(input)}`);
      return;
    }
    if (!Object.hasOwn(input, "op")) {
      this.issue("missing_key", pathLink(path, "op"), `a rule requires the key "op"`);
      return;
    }
    const op = input["op"];
    if (typeof op !== "string") {
      this.issue("invalid_type", pathLink(path, "op"), `op must be a string, got ${jsonType(op)}`);
      return;
    }
    if (!Object.hasOwn(opKeys, op)) {
      this.issue("unknown_op", pathLink(path, "op"), `unknown op ${JSON.stringify(op.slice(0, 40))}`);
      return;
    }
    const ruleOp = op as RuleOp;
    if (task.inWhere && (ruleOp === "event" || ruleOp === "inSegment")) {
      this.issue("invalid_value", pathLink(path, "op"), `op "${ruleOp}" cannot be used inside an event's where, which is a rule over the event's properties`);
      return;
    }
    const spec = opKeys[ruleOp];
    const allowed = path === undefined ? [...spec.optional, "op", "version"] : [...spec.optional, "op"];
    if (!this.keys(input, path, spec.required, allowed, `op "${ruleOp}"`)) return;
    if (path === undefined && Object.hasOwn(input, "version") && input["version"] !== 1) {
      this.issue("invalid_version", pathLink(path, "version"), `version must be 1, got ${JSON.stringify(input["version"]) ?? "undefined"}`);
      return;
    }
    const out: Slot = { op: ruleOp };
    const at = (key: string): Path => pathLink(path, key);
    const value = (key: string): unknown => input[key];
    let ok = true;
    const set = (key: string, result: unknown): void => {
      if (result === undefined) ok = false;
      else out[key] = result;
    };

    switch (ruleOp) {
      case "and":
      case "or": {
        const rules = value("rules");
        if (!Array.isArray(rules)) {
          this.issue("invalid_type", at("rules"), `rules must be an array, got ${jsonType(rules)}`);
          return;
        }
        if (rules.length > this.maxListLength) {
          this.issue("list_too_long", at("rules"), `rules has ${rules.length} items, more than the limit of ${this.maxListLength}`);
          return;
        }
        const items = ownItems(rules, this.maxListLength);
        const children: unknown[] = new Array<unknown>(items.length);
        out["rules"] = children;
        for (let index = items.length - 1; index >= 0; index -= 1) {
          this.child(items[index], pathLink(path, "rules", index), depth + 1, children as unknown as Slot, index, task.inWhere);
        }
        break;
      }
      case "not":
        this.child(value("rule"), at("rule"), depth + 1, out, "rule", task.inWhere);
        break;
      case "always":
      case "never":
        break;
      case "eq":
      case "ne":
      case "lt":
      case "lte":
      case "gt":
      case "gte": {
        set("field", this.field(value("field"), at("field")));
        const literal = this.scalar(value("value"), at("value"), "value");
        if (typeof literal === "boolean" && ruleOp !== "eq" && ruleOp !== "ne") {
          this.issue("invalid_value", at("value"), `op "${ruleOp}" compares numbers or strings, not booleans`);
          ok = false;
        } else set("value", literal);
        break;
      }
      case "between": {
        set("field", this.field(value("field"), at("field")));
        const min = value("min");
        const max = value("max");
        const bothNumbers = typeof min === "number" && typeof max === "number";
        const bothStrings = typeof min === "string" && typeof max === "string";
        if (!bothNumbers && !bothStrings) {
          // At the bound to fix: one that is neither a number nor a string, else max (it differs from min).
          const bad = typeof min !== "number" && typeof min !== "string" ? "min" : "max";
          this.issue("invalid_type", at(bad), `between needs min and max that are both numbers or both strings, got ${jsonType(min)} and ${jsonType(max)}`);
          ok = false;
          break;
        }
        const low = bothNumbers ? this.finite(min, at("min"), "min") : this.string(min, at("min"), "min");
        const high = bothNumbers ? this.finite(max, at("max"), "max") : this.string(max, at("max"), "max");
        if (low === undefined || high === undefined) {
          ok = false;
          break;
        }
        if (low > high) {
          this.issue("invalid_range", path, `between min ${JSON.stringify(low)} is greater than max ${JSON.stringify(high)}`);
          ok = false;
          break;
        }
        out["min"] = low;
        out["max"] = high;
        break;
      }
      case "in":
      case "notIn":
      case "hasAny":
      case "hasAll":
      case "hasNone":
        set("field", this.field(value("field"), at("field")));
        set("values", this.scalarList(value("values"), at("values")));
        break;
      case "contains":
      case "startsWith":
      case "endsWith":
        set("field", this.field(value("field"), at("field")));
        set("value", this.string(value("value"), at("value"), "value"));
        if (Object.hasOwn(input, "caseInsensitive")) {
          const flag = value("caseInsensitive");
          if (typeof flag === "boolean") out["caseInsensitive"] = flag;
          else {
            this.issue("invalid_type", at("caseInsensitive"), `caseInsensitive must be a boolean, got ${jsonType(flag)}`);
            ok = false;
          }
        }
        break;
      case "exists":
      case "missing":
        set("field", this.field(value("field"), at("field")));
        break;
      case "withinLast":
        set("field", this.field(value("field"), at("field")));
        set("amount", this.amount(value("amount"), at("amount")));
        set("unit", this.unit(value("unit"), at("unit")));
        break;
      case "before":
      case "after": {
        set("field", this.field(value("field"), at("field")));
        const hasDate = Object.hasOwn(input, "date");
        const hasAmount = Object.hasOwn(input, "amount");
        const hasUnit = Object.hasOwn(input, "unit");
        if (hasDate && (hasAmount || hasUnit)) {
          this.issue("invalid_value", path, `op "${ruleOp}" takes either date or amount and unit, not both`);
          ok = false;
        } else if (hasDate) {
          const date = this.string(value("date"), at("date"), "date");
          if (date !== undefined && Number.isNaN(parseIsoInstant(date))) {
            this.issue("invalid_date", at("date"), `date must be an ISO-8601 date (2024-03-01) or instant with an offset (2024-03-01T12:00:00Z), got ${JSON.stringify(date.slice(0, 40))}`);
            ok = false;
          } else set("date", date);
        } else if (hasAmount || hasUnit) {
          if (!hasAmount) {
            this.issue("missing_key", at("amount"), `op "${ruleOp}" with a unit requires the key "amount"`);
            ok = false;
          } else set("amount", this.amount(value("amount"), at("amount")));
          if (!hasUnit) {
            this.issue("missing_key", at("unit"), `op "${ruleOp}" with an amount requires the key "unit"`);
            ok = false;
          } else set("unit", this.unit(value("unit"), at("unit")));
        } else {
          this.issue("missing_key", at("date"), `op "${ruleOp}" requires either "date" or "amount" and "unit"`);
          ok = false;
        }
        break;
      }
      case "event": {
        set("type", this.nonEmptyString(value("type"), at("type"), "type"));
        if (Object.hasOwn(input, "withinLast")) {
          const window = value("withinLast");
          if (!isRecord(window)) {
            this.issue("invalid_type", at("withinLast"), `withinLast must be an object, got ${jsonType(window)}`);
            ok = false;
          } else if (this.keys(window, at("withinLast"), ["amount", "unit"], [], "withinLast")) {
            const amount = this.amount(window["amount"], pathLink(path, "withinLast", "amount"));
            const unit = this.unit(window["unit"], pathLink(path, "withinLast", "unit"));
            if (amount === undefined || unit === undefined) ok = false;
            else out["withinLast"] = { amount, unit };
          } else ok = false;
        }
        if (Object.hasOwn(input, "count")) {
          const count = this.bounds(value("count"), at("count"), "count", []);
          if (count === undefined) ok = false;
          else out["count"] = { ...(count.gte === undefined ? {} : { gte: count.gte }), ...(count.lte === undefined ? {} : { lte: count.lte }) };
        }
        if (Object.hasOwn(input, "sum")) {
          const sum = this.bounds(value("sum"), at("sum"), "sum", ["property"]);
          if (sum === undefined) ok = false;
          else {
            const property = this.field(sum.rest["property"], pathLink(path, "sum", "property"), "sum.property");
            if (property === undefined) ok = false;
            else out["sum"] = { property, ...(sum.gte === undefined ? {} : { gte: sum.gte }), ...(sum.lte === undefined ? {} : { lte: sum.lte }) };
          }
        }
        if (Object.hasOwn(input, "where")) this.child(value("where"), at("where"), depth + 1, out, "where", true);
        break;
      }
      case "inSegment":
        set("segment", this.nonEmptyString(value("segment"), at("segment"), "segment"));
        break;
    }
    if (ok) task.target[task.key] = out;
  }

  child(input: unknown, path: Path, depth: number, target: Slot, key: string | number, inWhere: boolean): void {
    if (depth > this.maxDepth) {
      this.issue("too_deep", path, `rules are nested deeper than the limit of ${this.maxDepth}`);
      return;
    }
    this.stack.push({ input, path, depth, target, key, inWhere });
  }

  run(input: unknown): Rule | undefined {
    const root: Slot = {};
    this.stack.push({ input, path: undefined, depth: 1, target: root, key: "rule", inWhere: false });
    while (this.stack.length > 0 && !this.stopped) {
      const task = this.stack.pop() as Task;
      this.nodes += 1;
      if (this.nodes > this.maxNodes) {
        this.issue("too_many_nodes", task.path, `the rule has more than the limit of ${this.maxNodes} nodes`);
        break;
      }
      this.node(task);
    }
    return this.issues.length === 0 ? (root["rule"] as Rule) : undefined;
  }
}

/** What `parseRule` makes of a value under the default limits: the clean rule, or its issues. @internal */
export function checkedRule(json: unknown): { readonly rule: Rule; readonly issues: readonly [] } | { readonly rule: undefined; readonly issues: ReadonlyArray<RuleIssue> } {
  const walker = new Walker(undefined);
  const rule = walker.run(json);
  return rule === undefined ? { rule, issues: walker.issues } : { rule, issues: [] };
}

/**
 * Parses untrusted JSON into a rule, never returning a partial or degraded rule.
 *
 * @remarks Validation is total and strict: every node must be an object with a known `op` and
 * exactly the keys of that op; field paths must be non-empty dot paths without `__proto__`,
 * `prototype` or `constructor` segments; numbers must be finite; `null` is never a literal (use
 * `exists` / `missing`); ordering ops (`lt`...) take numbers or strings only; `between` takes two
 * numbers or two strings with `min <= max`; time amounts are non-negative integers; `before` /
 * `after` dates are ISO-8601 dates or instants with an offset. Empty `and` (TRUE), empty `or`
 * (FALSE) and empty `values` lists are accepted (see the rules guide for their meaning). The root may
 * carry `version: 1`, which is dropped from the result. The walk is iterative with an explicit
 * stack, so a 100,000-deep document gives a `too_deep` issue, never a stack overflow. O(n) in the
 * size of the document; at most 100 issues are reported. The result is a fresh object that shares
 * nothing with the input.
 * @param json - the untrusted value, typically from `JSON.parse`.
 * @param options - limits; see {@link RuleLimits}.
 * @returns The validated rule.
 * @throws `RuleError` with `message` `"parseRule found <n> issue(s): <first message> at <path>"` and every issue in `issues`.
 * @throws `RangeError` `"parseRule requires maxDepth to be an integer from 1 to 1000"` (and likewise for the other limits);
 * `TypeError` `"parseRule requires options to be an object"`, `parseRule does not take the option "<key>" (its options: maxDepth, ...)`.
 * @example
 * parseRule({ version: 1, op: "gte", field: "behavior.totalSpend", value: 500 }) //=> { op: "gte", field: "behavior.totalSpend", value: 500 }
 * (() => { try { parseRule({ op: "between", field: "age", min: 10, max: 5 }); return "accepted"; } catch (error) { return (error as RuleError).issues[0]?.code; } })() //=> "invalid_range"
 * @category Rules
 */
export function parseRule(json: unknown, options?: RuleLimits): Rule {
  const result = safeParseRule(json, options);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Like {@link parseRule}, but returns `{ success: true, data }` or `{ success: false, error }`
 * instead of throwing on invalid rules.
 *
 * @remarks Same checks and cost as {@link parseRule}. A value that throws while it is read (a getter or
 * a Proxy trap; JSON holds neither) is an `invalid_type` issue at the root, never a raw error.
 * @param json - the untrusted value.
 * @param options - limits; see {@link RuleLimits}.
 * @returns The rule, or a {@link RuleError} whose `issues` list every problem with its path.
 * @throws `RangeError` or `TypeError` as {@link parseRule} when the limits themselves are invalid (a programming error, not bad input).
 * @example
 * const result = safeParseRule({ op: "xor", rules: [] });
 * result.success //=> false
 * result.success ? [] : result.error.issues.map((issue) => issue.code) //=> ["unknown_op"]
 * @category Rules
 */
export function safeParseRule(json: unknown, options?: RuleLimits): SafeParseRuleResult {
  const walker = new Walker(options);
  let rule: Rule | undefined;
  try {
    rule = walker.run(json);
  } catch (error) {
    // A value that throws while read (a getter, a Proxy trap; JSON holds neither) is an issue, never a raw error.
    const issues: RuleIssue[] = [{ code: "invalid_type", path: [], message: `the rule could not be read: ${thrownMessage(error)}` }];
    return { success: false, error: new RuleError(ruleErrorMessage("parseRule", issues), issues) };
  }
  if (rule !== undefined) return { success: true, data: rule };
  return { success: false, error: new RuleError(ruleErrorMessage("parseRule", walker.issues), walker.issues) };
}
