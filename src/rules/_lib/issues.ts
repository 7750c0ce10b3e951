/** The summary line of a {@link RuleError}: the one shared by every segmentkit error. */
export { issueSummary as ruleErrorMessage, formatIssuePath } from "../../_lib/issueSummary.js";
