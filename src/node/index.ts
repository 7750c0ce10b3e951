/** @module node */
export {};
