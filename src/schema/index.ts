/**
 * `segmentkit/schema`: typed customer data. zod schemas for profiles, transactions and events, row
 * parsers that report every invalid row, a data-quality report, and per-customer behavioral features.
 *
 * @module schema
 */
export { CustomerProfile, benefits, marketingChannels } from "./CustomerProfile.js";
export type { CustomerProfileInput } from "./CustomerProfile.js";
export { Transaction } from "./Transaction.js";
export { CustomerEvent } from "./CustomerEvent.js";
export { extendProfileSchema } from "./extendProfileSchema.js";
export { parseProfiles } from "./parseProfiles.js";
export { parseTransactions } from "./parseTransactions.js";
export { parseEvents } from "./parseEvents.js";
export type { ParseRowsResult, RowRejection } from "./_lib/parseRows.js";
export { parseRowsStream } from "./parseRowsStream.js";
export type { ParseRowsStreamCounts, ParseRowsStreamOptions } from "./parseRowsStream.js";
export { dataQualityReport } from "./dataQualityReport.js";
export type { DataQualityReport, DataQualityReportOptions, FieldQuality } from "./dataQualityReport.js";
export { dataQualityReportAsync } from "./dataQualityReportAsync.js";
export { summarizeCustomers } from "./summarizeCustomers.js";
export type { CustomerSummary, RefundOnlyCustomer, SummarizeCustomersOptions, SummarizeCustomersResult, TransactionLike } from "./summarizeCustomers.js";
export { summarizeCustomersAsync } from "./summarizeCustomersAsync.js";
