/** @module */
