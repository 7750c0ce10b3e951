/** @module schema */
export {};
