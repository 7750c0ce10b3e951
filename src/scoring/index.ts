/** @module scoring */
export {};
