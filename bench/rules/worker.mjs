// Entry of the benchmark's worker threads: workers do not inherit tsx's loader, so register it here
// and then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
