/**
 * The one internal gateway to distribution functions. Every wrapper lives in its own file (normal,
 * chi-square, beta, and Student's t on top of beta) so a bundler drops the beta/gamma code when only normal-based functions are used;
 * this module re-exports them, and swapping the backend means editing those three files only.
 * @internal
 */
export { normalCdf, normalQuantile, normalSf, normalUpperQuantile } from "./normal.js";
export { chiSquareSf } from "./chiSquare.js";
export { betaCdf, betaQuantile, betaSf, betaUpperQuantile, logBeta } from "./beta.js";
export { studentQuantile, studentSf, studentTwoSidedQuantile, studentTwoSidedTail } from "./studentT.js";
