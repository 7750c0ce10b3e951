import { pathLink } from "../../_lib/pathLinks.js";
import type { SqlEventMapping } from "../mapping.js";
import type { Compilation, EventSink } from "./compile.js";

/**
 * Event conditions as correlated subqueries on the profile row (`toSql`, `breakdownQuery`): each
 * count or sum reads the events table under an alias of its own, joined on the customer id. The
 * compilation is passed late because the sink exists before it; `missingId` reports an event
 * condition without the id column to join on, in the caller's words.
 */
export function correlatedEventSink(
  compilation: () => Compilation,
  options: { readonly events?: SqlEventMapping | undefined; readonly tableAlias?: string | undefined; readonly idColumn?: string | undefined },
  qualifier: () => string | undefined,
  missingId: (compilation: Compilation) => void,
): EventSink {
  let aliasCount = 0;
  const eventTable = (): string => compilation().tableName(options.events?.table, pathLink(undefined, "events", "table"), "events.table") ?? "";
  const correlation = (alias: string): string => {
    const c = compilation();
    const customer = c.identifier(options.events?.customerId, pathLink(undefined, "events", "customerId"), "events.customerId");
    if (options.tableAlias === undefined || options.idColumn === undefined) {
      missingId(c);
      return "FALSE";
    }
    const id = c.identifier(options.idColumn, pathLink(undefined, "idColumn"), "idColumn");
    return `${alias}.${customer ?? ""} = ${qualifier() ?? ""}.${id ?? ""}`;
  };
  return {
    nextAlias: () => {
      aliasCount += 1;
      return compilation().dialect.quoteIdentifier(`segmentkit_event_${aliasCount}`);
    },
    count: (filter, alias) => `(SELECT COUNT(*) FROM ${eventTable()} AS ${alias} WHERE ${correlation(alias)} AND ${filter})`,
    sum: (filter, value, alias) => `(SELECT COALESCE(SUM(${value}), 0) FROM ${eventTable()} AS ${alias} WHERE ${correlation(alias)} AND ${filter})`,
  };
}
