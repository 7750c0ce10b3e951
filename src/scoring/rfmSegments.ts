import { choice } from "../_lib/arguments.js";
import { assertOptions } from "../_lib/pythonOptions.js";
import type { OptionKeys } from "../_lib/arguments.js";
import type { Rule } from "../rules/index.js";
import { defineSegment } from "../segments/index.js";
import type { Segment } from "../segments/index.js";

/**
 * Options of {@link rfmSegments}.
 * @category RFM
 */
export interface RfmSegmentsOptions {
  /**
   * `"rfmTable"` (default): the 11-segment R/F/M table of the R `rfm` package vignette;
   * `"rfGrid"`: the widely copied 10-cell recency x frequency grid (monetary ignored; a partition).
   */
  readonly preset?: "rfmTable" | "rfGrid";
  /**
   * `"source"` (default): the published order, with its known flaws under first-match (four
   * unreachable segments, 36 of 125 cells uncovered). `"specificFirst"`: New Customers and Promising
   * before Potential Loyalist, Can't Lose Them before At Risk, Lost merged into Hibernating.
   */
  readonly ordering?: "source" | "specificFirst";
}

interface Range {
  readonly min: number;
  readonly max: number;
}
interface Row {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly r: Range;
  readonly f: Range;
  readonly m?: Range;
}
const range = (min: number, max: number): Range => ({ min, max });

const table: ReadonlyArray<Row> = [
  { id: "champions", name: "Champions", description: "Bought recently, buy often and spend the most", r: range(4, 5), f: range(4, 5), m: range(4, 5) },
  { id: "loyal_customers", name: "Loyal Customers", description: "Spend good money. Responsive to promotions", r: range(2, 5), f: range(3, 5), m: range(3, 5) },
  { id: "potential_loyalist", name: "Potential Loyalist", description: "Recent customers, spent good amount, bought more than once", r: range(3, 5), f: range(1, 3), m: range(1, 3) },
  { id: "new_customers", name: "New Customers", description: "Bought more recently, but not often", r: range(4, 5), f: range(1, 1), m: range(1, 1) },
  { id: "promising", name: "Promising", description: "Recent shoppers, but haven't spent much", r: range(3, 4), f: range(1, 1), m: range(1, 1) },
  { id: "need_attention", name: "Need Attention", description: "Above average recency, frequency & monetary values", r: range(2, 3), f: range(2, 3), m: range(2, 3) },
  { id: "about_to_sleep", name: "About To Sleep", description: "Below average recency, frequency & monetary values", r: range(2, 3), f: range(1, 2), m: range(1, 2) },
  { id: "at_risk", name: "At Risk", description: "Spent big money, purchased often but long time ago", r: range(1, 2), f: range(2, 5), m: range(2, 5) },
  { id: "cant_lose_them", name: "Can't Lose Them", description: "Made big purchases and often, but long time ago", r: range(1, 1), f: range(4, 5), m: range(4, 5) },
  { id: "hibernating", name: "Hibernating", description: "Low spenders, low frequency, purchased long time ago", r: range(1, 2), f: range(1, 2), m: range(1, 2) },
  { id: "lost", name: "Lost", description: "Lowest recency, frequency & monetary scores", r: range(1, 2), f: range(1, 2), m: range(1, 2) },
];

const grid: ReadonlyArray<Row> = [
  { id: "hibernating", name: "Hibernating", description: "Long ago, rarely", r: range(1, 2), f: range(1, 2) },
  { id: "at_risk", name: "At Risk", description: "Long ago, used to buy often", r: range(1, 2), f: range(3, 4) },
  { id: "cant_lose_them", name: "Can't Lose Them", description: "Long ago, bought the most often", r: range(1, 2), f: range(5, 5) },
  { id: "about_to_sleep", name: "About To Sleep", description: "Middling recency, rarely", r: range(3, 3), f: range(1, 2) },
  { id: "need_attention", name: "Need Attention", description: "Middling recency and frequency", r: range(3, 3), f: range(3, 3) },
  { id: "loyal_customers", name: "Loyal Customers", description: "Fairly recent, often", r: range(3, 4), f: range(4, 5) },
  { id: "promising", name: "Promising", description: "Fairly recent, once", r: range(4, 4), f: range(1, 1) },
  { id: "new_customers", name: "New Customers", description: "Most recent, once", r: range(5, 5), f: range(1, 1) },
  { id: "potential_loyalists", name: "Potential Loyalists", description: "Recent, a few times", r: range(4, 5), f: range(2, 3) },
  { id: "champions", name: "Champions", description: "Most recent and most often", r: range(5, 5), f: range(4, 5) },
];

const specificFirst = [
  "champions",
  "cant_lose_them",
  "loyal_customers",
  "new_customers",
  "promising",
  "potential_loyalist",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "hibernating",
];

function condition(field: string, { min, max }: Range): Rule {
  if (min === max) return { op: "eq", field, value: min };
  if (min <= 1) return { op: "lte", field, value: max };
  return { op: "between", field, min, max };
}

/**
 * The two widely used named RFM segment tables as segments of `segmentkit/segments`: rules over
 * `rfm.recency`, `rfm.frequency` and `rfm.monetary` that the rule engine runs (and compiles to SQL).
 *
 * @remarks
 * Ranges are inclusive 1-5 scores, from the R `rfm` package vignette (11 segments) and the popular
 * RF regex map (10 cells), see docs/guides/scoring.md. Segments get decreasing `priority` in table
 * order, so `assignSegments(..., { mode: "first-match" })` reproduces the published `case_when`
 * precedence. Run `analyzeSegments` on `rfmScoreCells()` to see the flaws of the source ordering:
 * New Customers, Promising, Can't Lose Them and Lost never win, and 36 of the 125 cells match no
 * segment. `ordering: "specificFirst"` fixes the unreachable segments (the uncovered cells remain:
 * the table does not define them). Use 5 bins with these presets. O(1).
 * @param options - preset and ordering.
 * @throws `TypeError` `rfmSegments requires preset to be "rfmTable" or "rfGrid"`, `rfmSegments requires ordering to be "source" or "specificFirst"`.
 * @returns Frozen segments in priority order.
 * @example
 * const segments = rfmSegments();
 * segments.length //=> 11
 * segments[0].rule //=> { op: "and", rules: [{ op: "between", field: "rfm.recency", min: 4, max: 5 }, { op: "between", field: "rfm.frequency", min: 4, max: 5 }, { op: "between", field: "rfm.monetary", min: 4, max: 5 }] }
 * rfmSegments({ ordering: "specificFirst" }).map((segment) => segment.id).slice(0, 3) //=> ["champions", "cant_lose_them", "loyal_customers"]
 * rfmSegments({ preset: "rfGrid" }).length //=> 10
 * @category RFM
 */
export function rfmSegments(options: RfmSegmentsOptions = {}): Segment[] {
  assertOptions("rfmSegments", options, { preset: true, ordering: true } satisfies OptionKeys<RfmSegmentsOptions>);
  const preset = choice("rfmSegments", "preset", options.preset, ["rfmTable", "rfGrid"], "rfmTable");
  const ordering = choice("rfmSegments", "ordering", options.ordering, ["source", "specificFirst"], "source");
  let rows = preset === "rfGrid" ? grid : table;
  if (ordering === "specificFirst" && preset === "rfmTable") {
    rows = specificFirst.map((id) => {
      const row = table.find((entry) => entry.id === id) as Row;
      return id === "hibernating" ? { ...row, name: "Hibernating / Lost", description: `${row.description} (Lost, identical on 1-5 scores, merged)` } : row;
    });
  }
  return rows.map((row, index) => {
    const rules: Rule[] = [condition("rfm.recency", row.r), condition("rfm.frequency", row.f)];
    if (row.m !== undefined) rules.push(condition("rfm.monetary", row.m));
    return defineSegment({ id: row.id, name: row.name, description: row.description, rule: { op: "and", rules }, priority: rows.length - index });
  });
}
