/** Small text helpers shared by the demo sections. */

/** A markdown-style table with right-aligned numbers. */
export function table(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cells = rows.map((row) => row.map((cell) => (cell === null ? "n/a" : typeof cell === "number" ? formatNumber(cell) : cell)));
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((row) => (row[column] ?? "").length)));
  const numeric = headers.map((_, column) => rows.every((row) => typeof row[column] === "number" || row[column] === null));
  const line = (row: ReadonlyArray<string>) =>
    `| ${row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(" | ")} |`;
  return [line(headers), `|${widths.map((width, column) => (numeric[column] ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`, ...cells.map(line)].join("\n");
}

/** Thousands separators for integers, 2 decimals otherwise (4 significant digits below 1). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  if (Math.abs(value) < 1) return value.toPrecision(4);
  return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A percentage with one decimal. */
export function percent(value: number | null): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

/** The quantile of sorted values by linear interpolation (type 7, the default of R, NumPy and pandas). */
export function quantile(sorted: ArrayLike<number>, probability: number): number {
  const position = (sorted.length - 1) * probability;
  const lower = Math.floor(position);
  const low = sorted[lower]!;
  return position === lower ? low : low + (sorted[lower + 1]! - low) * (position - lower);
}

/** A section heading. */
export function heading(title: string): string {
  return `\n## ${title}\n`;
}
