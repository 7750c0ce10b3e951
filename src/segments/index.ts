/** @module segments */
export {};
