/**
 * Minimal ambient types for the comparison engines, so the repository type-checks `bench/` without
 * `bench/rules/node_modules` installed (CI does not install benchmark dependencies). Ambient
 * declarations take precedence over the packages' own types.
 */
declare module "json-logic-js" {
  const jsonLogic: { apply(logic: unknown, data?: unknown): unknown };
  export default jsonLogic;
}
declare module "json-logic-engine" {
  export class LogicEngine {
    build(logic: unknown): (data?: unknown) => unknown;
    run(logic: unknown, data?: unknown): unknown;
  }
}
declare module "json-rules-engine" {
  export class Engine {
    constructor(rules?: unknown[], options?: { allowUndefinedFacts?: boolean });
    addRule(rule: { conditions: unknown; event: { type: string } }): this;
    addFact(id: string, value: (params: unknown, almanac: { factValue(id: string): Promise<unknown> }) => unknown): this;
    run(facts?: Record<string, unknown>): Promise<{ events: unknown[] }>;
  }
}
declare module "sift" {
  const sift: (query: unknown) => (value: unknown) => boolean;
  export default sift;
}
declare module "@marcbachmann/cel-js" {
  export function parse(expression: string): (context?: unknown) => unknown;
}
