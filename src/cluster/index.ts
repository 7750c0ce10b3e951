/** @module cluster */
export {};
