/** @module sql */
export {};
