/** @module fp */
export {};
