/**
 * segmentkit must run under a strict Content-Security-Policy (no 'unsafe-eval'). With `eval` and
 * `Function` replaced by throwing traps, rules still parse, compile, evaluate, explain and compile to
 * SQL, and the other domains run: none of them builds code from strings at run time.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { kMeans } from "../../src/cluster/index.js";
import { wilsonInterval } from "../../src/metrics/index.js";
import { compileRule, evaluate, explain, parseRule } from "../../src/rules/index.js";
import { assignSegments, defineSegment } from "../../src/segments/index.js";
import { toSql } from "../../src/sql/index.js";

const originalEval = globalThis.eval;
const OriginalFunction = globalThis.Function;
const attempts: string[] = [];

beforeEach(() => {
  attempts.length = 0;
  globalThis.eval = ((code: string) => {
    attempts.push(`eval: ${String(code).slice(0, 40)}`);
    throw new EvalError("eval is blocked by this test's content security policy");
  }) as typeof eval;
  globalThis.Function = new Proxy(OriginalFunction, {
    apply(_target, _this, args) {
      attempts.push(`Function: ${String(args.at(-1)).slice(0, 40)}`);
      throw new EvalError("Function is blocked by this test's content security policy");
    },
    construct(_target, args) {
      attempts.push(`new Function: ${String(args.at(-1)).slice(0, 40)}`);
      throw new EvalError("new Function is blocked by this test's content security policy");
    },
  });
});

afterEach(() => {
  globalThis.eval = originalEval;
  globalThis.Function = OriginalFunction;
});

it("parses, compiles, evaluates, explains and compiles to SQL without eval or Function", () => {
  const asOf = new Date("2024-06-30T00:00:00Z");
  const rule = parseRule({
    version: 1,
    op: "and",
    rules: [
      { op: "gte", field: "behavior.totalSpend", value: 500 },
      { op: "notIn", field: "geography.country", values: ["IN", "BR"] },
      { op: "event", type: "purchase", withinLast: { amount: 30, unit: "days" }, count: { gte: 1 } },
    ],
  });
  const events = [{ type: "purchase", timestamp: new Date("2024-06-20T00:00:00Z"), properties: { amount: 40 } }];
  const profile = { id: "c1", behavior: { totalSpend: 640 }, geography: { country: "US" } };
  expect(compileRule(rule, { asOf, eventsOf: () => events })(profile)).toBe(true);
  expect(evaluate(rule, profile, { asOf, events })).toBe(true);
  expect(explain(rule, profile, { asOf, events }).result).toBe(true);
  const segment = defineSegment({ id: "big", name: "Big spenders", rule: { op: "gte", field: "behavior.totalSpend", value: 500 } });
  expect(assignSegments([profile], [segment], { asOf, mode: "all" }).sizes[0]?.size).toBe(1);
  const { params } = toSql({ op: "gte", field: "behavior.totalSpend", value: 500 }, { dialect: "postgres", asOf, columns: { "behavior.totalSpend": { column: "total_spend", type: "number" } } });
  expect(params).toEqual([500]);
  expect(kMeans([[0, 0], [0, 1], [9, 9], [9, 8]], { k: 2, seed: 1 }).sizes).toEqual([2, 2]);
  expect(wilsonInterval({ successes: 3, trials: 10 }).defined).toBe(true);
  expect(attempts).toEqual([]);
});

it("the traps catch dynamic code (so the test above can fail)", () => {
  expect(() => new Function("return 1")).toThrow(EvalError);
  expect(() => globalThis.eval("1")).toThrow(EvalError);
  expect(attempts).toEqual(["new Function: return 1", "eval: 1"]);
});
