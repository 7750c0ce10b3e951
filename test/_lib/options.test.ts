/**
 * Unknown option keys are refused everywhere. In the modules that Python users move to (metrics,
 * clv, cluster, scoring), statsmodels' `alpha`, lifetimes' `penalizer_coef` and scikit-learn's
 * `n_init` used to be ignored, so the analysis silently differed from the one asked for; in rules,
 * segments, sql, schema and node a misspelt `asof` fails on the missing clock, but a misspelt limit,
 * `within` for `withinLast` or csv's `header` left a default in force.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseK, kMeans, kModes } from "../../src/cluster/index.js";
import { clvBySegment, fitBgNbd, fitGammaGamma, rfmSummary } from "../../src/clv/index.js";
import { defineScoringPlan, fitScaler, rfmScores, rfmSegments } from "../../src/scoring/index.js";
import {
  compileRule,
  compileRuleTruth,
  contains,
  describeRule,
  endsWith,
  evaluate,
  event,
  explain,
  parseJsonLogic,
  parseJsonRulesEngine,
  parseRule,
  ruleBreakdown,
  ruleBreakdownAsync,
  safeParseJsonLogic,
  safeParseRule,
  startsWith,
  toJsonLogic,
} from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import { analyzeSegments, assignSegments, assignSegmentsStream, defineSegment } from "../../src/segments/index.js";
import { breakdownQuery, segmentQuery, toSql } from "../../src/sql/index.js";
import { CustomerProfile, dataQualityReport, dataQualityReportAsync, parseRowsStream, summarizeCustomers, summarizeCustomersAsync } from "../../src/schema/index.js";
import { readDelimited, readJsonLines, readLines } from "../../src/node/index.js";
import { toPredicate } from "../../src/fp/index.js";

async function drain(rows: AsyncIterable<unknown>): Promise<void> {
  for await (const _row of rows);
}

describe("option keys", () => {
  it("clv and cluster functions refuse keys they do not take, naming their options and the equivalent of a Python name", () => {
    const customers = [{ frequency: 1, recency: 2, T: 5 }];
    expect(() => fitBgNbd({ unit: "weeks", customers }, { penalizer_coef: 0.001 } as never)).toThrow(
      new TypeError('fitBgNbd does not take the option "penalizer_coef" (its options: penalizer, initialParams, maxIterations); pass penalizer'),
    );
    expect(() => fitGammaGamma({ customers: [] }, { q_constraint: true } as never)).toThrow('fitGammaGamma does not take the option "q_constraint" (its options: penalizer, initialParams, maxIterations, constrainQ); pass constrainQ');
    expect(() => clvBySegment([1], ["a"], { quantiles: [0.5] } as never)).toThrow('clvBySegment does not take the option "quantiles" (its options: segments, probabilities)');
    expect(() => rfmSummary([], { calibrationEnd: new Date(0), unit: "weeks", freq: "D" } as never)).toThrow('rfmSummary does not take the option "freq"');
    const rows = [[0, 0], [0, 1], [5, 5], [6, 5]];
    expect(() => kMeans(rows, { k: 2, n_init: 10 } as never)).toThrow(new TypeError('kMeans does not take the option "n_init" (its options: k, seed, nInit, maxIterations, tolerance, initialization, algorithm, featureNames); pass nInit'));
    expect(() => kMeans(rows, { k: 2, random_state: 0 } as never)).toThrow("; pass seed");
    expect(() => kMeans(rows, { k: 2, N_INIT: 3 } as never)).toThrow("; pass nInit");
    expect(() => chooseK(rows, { kMax: 3, max_iter: 5 } as never)).toThrow('chooseK does not take the option "max_iter"');
    expect(() => kModes([["a"], ["b"]], { k: 2, gamma: 0.5 } as never)).toThrow('kModes does not take the option "gamma"');
    expect(() => rfmScores([], { quantiles: 5 } as never)).toThrow('rfmScores does not take the option "quantiles" (its options: bins, monetary, ties, weights)');
    expect(() => fitScaler([[1]], { method: "standard", with_mean: false } as never)).toThrow('fitScaler does not take the option "with_mean"');
    expect(() => rfmSegments(null as never)).toThrow(new TypeError("rfmSegments requires options to be an object"));
    // The options they take still work.
    expect(kMeans(rows, { k: 2, seed: 1, nInit: 2 }).labels).toHaveLength(4);
  });

  it("rules, segments, sql, schema and node functions refuse keys they do not take, with the option meant", async () => {
    const asOf = new Date("2024-06-30T00:00:00Z");
    const rule: Rule = { op: "gte", field: "spend", value: 500 };
    const limits = "its options: maxDepth, maxNodes, maxListLength, maxStringLength";
    expect(() => parseRule(rule, { maxdepth: 3 } as never)).toThrow(new TypeError(`parseRule does not take the option "maxdepth" (${limits}); pass maxDepth`));
    expect(() => safeParseRule(rule, { max_nodes: 3 } as never)).toThrow(`parseRule does not take the option "max_nodes" (${limits}); pass maxNodes`);
    expect(() => parseRule(rule, null as never)).toThrow(new TypeError("parseRule requires options to be an object"));
    expect(() => parseJsonLogic(true, { null: "sql" } as never)).toThrow(`parseJsonLogic does not take the option "null" (${limits}, nulls, arrayFields, schema)`);
    expect(() => safeParseJsonLogic(true, { array_fields: ["tags"] } as never)).toThrow("; pass arrayFields");
    expect(() => parseJsonRulesEngine({ all: [] }, { facts: {} } as never)).toThrow(`parseJsonRulesEngine does not take the option "facts" (${limits}, nulls, conditions, schema)`);
    expect(() => toJsonLogic(rule, { asof: asOf } as never)).toThrow(new TypeError('toJsonLogic does not take the option "asof" (its options: segments, asOf); pass asOf'));
    expect(() => evaluate(rule, {}, { asOf, event: [] } as never)).toThrow(new TypeError('evaluate does not take the option "event" (its options: asOf, segments, events)'));
    // evaluate takes the events, compileRule and the segment functions a function that returns them: each name answers the other.
    expect(() => evaluate(rule, {}, { asOf, eventsOf: () => [] } as never)).toThrow("; pass events, the profile's events");
    expect(() => explain(rule, {}, { asOf, label: {} } as never)).toThrow('explain does not take the option "label" (its options: asOf, segments, events, labels, segmentNames)');
    expect(() => compileRule(rule, { asOf, events: [] } as never)).toThrow(
      new TypeError('compileRule does not take the option "events" (its options: asOf, segments, eventsOf); pass eventsOf, a function from a profile to its events'),
    );
    expect(() => compileRuleTruth(rule, { asOf, events_of: () => [] } as never)).toThrow("; pass eventsOf");
    expect(() => toPredicate(rule, { asOf, now: asOf } as never)).toThrow('toPredicate does not take the option "now"');
    expect(() => describeRule(rule, { fieldLabels: {} } as never)).toThrow(new TypeError('describeRule does not take the option "fieldLabels" (its options: labels, segmentNames)'));
    expect(() => describeRule(rule, null as never)).toThrow(new TypeError("describeRule requires options to be an object"));
    expect(() => ruleBreakdown(rule, [], { asOf, segmentnames: {} } as never)).toThrow('ruleBreakdown does not take the option "segmentnames" (its options: asOf, segments, eventsOf, labels, segmentNames); pass segmentNames');
    await expect(ruleBreakdownAsync(rule, [], { asOf, events: [] } as never)).rejects.toThrow('ruleBreakdownAsync does not take the option "events"');
    for (const build of [contains, startsWith, endsWith]) {
      expect(() => build("email", "x", { caseinsensitive: true } as never)).toThrow(`${build.name} does not take the option "caseinsensitive" (its options: caseInsensitive); pass caseInsensitive`);
    }
    expect(() => event("purchase", { within: { amount: 30, unit: "days" } } as never)).toThrow(new TypeError('event does not take the option "within" (its options: where, withinLast, count, sum)'));

    const segment = { id: "big", name: "Big", rule };
    expect(() => defineSegment(segment, { maxDepth: 4, max_list_length: 5 } as never)).toThrow('defineSegment does not take the limit "max_list_length" (its limits: maxDepth, maxNodes, maxListLength, maxStringLength); pass maxListLength');
    expect(() => defineScoringPlan({ id: "lead", rules: [] }, { depth: 4 } as never)).toThrow('defineScoringPlan does not take the limit "depth"');
    expect(() => assignSegments([], [defineSegment(segment)], { asOf, mode: "all", events: [] } as never)).toThrow("; pass eventsOf, a function from a profile to its events");
    expect(() => assignSegments([], [defineSegment(segment)], { asOf, mode: "all", strategy: "first" } as never)).toThrow(
      new TypeError('assignSegments does not take the option "strategy" (its options: asOf, mode, eventsOf, idOf)'),
    );
    expect(() => analyzeSegments([defineSegment(segment)], [], { asOf, min_size: 10 } as never)).toThrow("; pass minSize");
    await expect(drain(assignSegmentsStream([], [defineSegment(segment)], { asOf, mode: "all", batchSize: 100 } as never))).rejects.toThrow('assignSegmentsStream does not take the option "batchSize"');

    const columns = { spend: { column: "spend", type: "double" } } as const;
    expect(() => toSql(rule, { dialect: "postgres", columns, asOf, paramStyle: "$" } as never)).toThrow(
      new TypeError('toSql does not take the option "paramStyle" (its options: dialect, columns, asOf, events, segments, onUnsupported, tableAlias, idColumn, parameterOffset)'),
    );
    expect(() => breakdownQuery(rule, { dialect: "duckdb", table: "profiles", columns, asOf, alias: "p" } as never)).toThrow('breakdownQuery does not take the option "alias"');
    expect(() => segmentQuery([{ id: "big", rule }], { dialect: "duckdb", table: "profiles", idColumn: "id", mode: "all", columns, asOf, segments: {} } as never)).toThrow(
      'segmentQuery does not take the option "segments" (its options: dialect, columns, asOf, events, onUnsupported, table, idColumn, mode, limits)',
    );
    // Limits beside other options are named as limits, so that the two messages do not contradict each other.
    expect(() => segmentQuery([{ id: "big", rule }], { dialect: "duckdb", table: "profiles", idColumn: "id", mode: "all", columns, asOf, limits: { maxdepth: 3 } } as never)).toThrow(
      new TypeError('segmentQuery does not take the limit "maxdepth" (its limits: maxDepth, maxNodes, maxListLength, maxStringLength); pass maxDepth'),
    );

    expect(() => dataQualityReport([], { schema: CustomerProfile, idfield: "id" } as never)).toThrow("dataQualityReport does not take the option \"idfield\" (its options: schema, idField); pass idField");
    await expect(dataQualityReportAsync([], { id_field: "id" } as never)).rejects.toThrow("dataQualityReportAsync does not take the option");
    expect(() => parseRowsStream([], CustomerProfile, { onRejected: () => {}, onInvalid: () => {} } as never)).toThrow('parseRowsStream does not take the option "onInvalid" (its options: onRejected)');
    expect(() => summarizeCustomers([], { asOf, unit: "days" } as never)).toThrow(new TypeError('summarizeCustomers does not take the option "unit" (its options: asOf)'));
    await expect(summarizeCustomersAsync([], { as_of: asOf } as never)).rejects.toThrow(new TypeError('summarizeCustomersAsync does not take the option "as_of" (its options: asOf); pass asOf'));

    const directory = mkdtempSync(join(tmpdir(), "segmentkit-options-"));
    const path = join(directory, "rows.csv");
    writeFileSync(path, "id,spend\n1,5\n");
    await expect(drain(readLines(path, { encoding: "latin1" } as never))).rejects.toThrow(new TypeError('readLines does not take the option "encoding" (its options: maxLineLength, signal)'));
    await expect(drain(readJsonLines(path, { maxlinelength: 10 } as never))).rejects.toThrow('readJsonLines does not take the option "maxlinelength" (its options: maxLineLength, signal, onInvalidLine); pass maxLineLength');
    await expect(drain(readDelimited(path, { header: false } as never))).rejects.toThrow('readDelimited does not take the option "header" (its options: maxLineLength, signal, onInvalidLine, delimiter, columns)');
    // The options they take still work, passed on to the reader of lines.
    const rows: unknown[] = [];
    for await (const row of readDelimited(path, { maxLineLength: 100, signal: new AbortController().signal })) rows.push(row);
    expect(rows).toEqual([{ id: "1", spend: "5" }]);
    expect(assignSegments([{ spend: 600 }], [defineSegment(segment)], { asOf, mode: "all", idOf: (_profile, index) => `p${index}` }).sizes[0]?.size).toBe(1);
  });

  it("every exported function that takes options checks their keys", () => {
    // The checks, and the shared helpers that make them (each with its options list).
    const checks = [
      "assertOptions(",
      "assertKnownOptions(",
      "optionsObject(",
      "requireOptions(",
      "fitMixed(",
      "evaluationContext(",
      "createBreakdown(",
      "checkArguments(",
      "resolveRuleLimits(",
      "new Walker(",
      "new Importer(",
      "createQualityReporter(",
      "createCustomerSummarizer(",
    ];
    const unchecked: string[] = [];
    let files = 0;
    // fp's functions hand their options to parseRule and compileRule, which check them.
    for (const domain of ["metrics", "clv", "cluster", "scoring", "rules", "segments", "sql", "schema", "node"]) {
      const directory = new URL(`../../src/${domain}/`, import.meta.url);
      for (const name of readdirSync(directory).filter((entry) => entry.endsWith(".ts"))) {
        const source = readFileSync(new URL(name, directory), "utf8");
        files++;
        if (/^export (async )?function\*? ?\w+(<[^>]*>)?\([^)]*\b(options|limits)\??:/m.test(source) && !checks.some((check) => source.includes(check))) unchecked.push(`${domain}/${name}`);
      }
    }
    expect(files).toBeGreaterThan(130);
    expect(unchecked).toEqual([]);
  });
});
