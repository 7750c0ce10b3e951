/** @module metrics */
export {};
