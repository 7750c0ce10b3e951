/** The summary line of a {@link SegmentError}: the one shared by every segmentkit error. */
export { issueSummary as segmentErrorMessage, formatIssuePath as formatSegmentPath } from "../../_lib/issueSummary.js";
