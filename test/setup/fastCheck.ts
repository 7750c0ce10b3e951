/**
 * One fast-check seed for the whole suite, so a CI run is reproducible: a property that fails, fails
 * again with the same seed. Explore new cases with `FC_SEED=random npm test` (or any number); a
 * counterexample found that way becomes a regression test next to its property.
 */
import fc from "fast-check";

const setting = process.env.FC_SEED ?? "20261123";
if (setting !== "random") fc.configureGlobal({ seed: Number(setting) });
