/** The part of json-logic-js 2.0.5 (the reference of `parseJsonLogic.test.ts`) that the tests use; the package ships no types. */
declare module "json-logic-js" {
  const jsonLogic: {
    apply(logic: unknown, data?: unknown): unknown;
    truthy(value: unknown): boolean;
    add_operation(name: string, operation: (...operands: never[]) => unknown): void;
  };
  export default jsonLogic;
}
