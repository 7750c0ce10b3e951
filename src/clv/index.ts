/** @module clv */
export {};
