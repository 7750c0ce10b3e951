/**
 * Global setup of the `db` project: starts a throwaway PostgreSQL cluster on a free loopback port, hands its URL to the tests through `inject("pgUrl")`, and stops and deletes it afterwards.
 *
 * When `PG_URL` is set, that server is used instead and nothing is started. When PostgreSQL is not
 * installed the setup fails with a clear message: the db tests never skip silently.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/** A free loopback port (or SEGMENTKIT_PG_PORT), so parallel runs never collide. */
async function freePort(): Promise<number> {
  if (process.env.SEGMENTKIT_PG_PORT) return Number(process.env.SEGMENTKIT_PG_PORT);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address !== null && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function binDirectory(): string {
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "PostgreSQL is not installed (pg_config not found). The db tests need it: run `bash test/setup/install-system-deps.sh` (Debian) or set PG_URL to a server you own.",
    );
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.PG_URL;
  if (given) {
    project.provide("pgUrl", given);
    return () => {};
  }
  const bin = binDirectory();
  const port = await freePort();
  const dataDirectory = mkdtempSync(join(tmpdir(), "segmentkit-pg-"));
  const isRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, fullArgs] = isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    execFileSync(file, fullArgs, { stdio: "pipe" });
  };
  if (isRoot) {
    chmodSync(dataDirectory, 0o700);
    execFileSync("chown", ["postgres:postgres", dataDirectory]);
  }
  run(join(bin, "initdb"), ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  run(join(bin, "pg_ctl"), [
    "-D", dataDirectory, "-l", join(dataDirectory, "server.log"), "-w", "-t", "60",
    "-o", `-p ${port} -k ${dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off`, "start",
  ]);
  const stop = () => {
    try {
      run(join(bin, "pg_ctl"), ["-D", dataDirectory, "-m", "fast", "-w", "stop"]);
    } finally {
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  };
  try {
    execFileSync(join(bin, "psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-qc", "create database segtest"]);
  } catch (error) {
    stop();
    throw error;
  }
  project.provide("pgUrl", `postgres://postgres@127.0.0.1:${port}/segtest`);
  return stop;
}
