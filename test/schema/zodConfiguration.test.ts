/**
 * zod's configuration (`z.config`) is global and belongs to the host app: parsing rows must neither
 * change it nor depend on the order of calls. Kept in a file of its own so that no earlier parse in
 * the same module graph hides a change.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { CustomerProfile, dataQualityReport, parseEvents, parseProfiles, parseTransactions } from "../../src/schema/index.js";

const configuration = z.config();
let saved: { localeError: z.core.$ZodConfig["localeError"]; customError: z.core.$ZodConfig["customError"] };

beforeEach(() => {
  saved = { localeError: configuration.localeError, customError: configuration.customError };
  // What a fresh process that loads only zod/mini has: no messages configured (classic zod, imported
  // by other test files of the same worker, would have configured English ones).
  delete configuration.localeError;
  delete configuration.customError;
});

afterEach(() => {
  delete configuration.localeError;
  delete configuration.customError;
  if (saved.localeError !== undefined) configuration.localeError = saved.localeError;
  if (saved.customError !== undefined) configuration.customError = saved.customError;
});

function firstMessage(result: { success: boolean; error?: { issues: ReadonlyArray<{ message: string }> } }): string | undefined {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

describe("zod configuration", () => {
  it("leaves the host's own zod messages alone and still reports English messages", () => {
    const hostMessage = () => firstMessage(z.safeParse(z.string(), 5));
    const profileMessage = () => firstMessage(CustomerProfile.safeParse({ id: 5 }));
    const before = { host: hostMessage(), profile: profileMessage() };
    expect(before.host).toBe("Invalid input");

    const result = parseProfiles([{ id: 5 }]);
    parseTransactions([{}]);
    parseEvents([{}]);
    dataQualityReport([{ id: 5 }]);

    expect(result.rejected[0]!.message).toBe("Invalid input: expected string, received number");
    expect(result.rejected[0]!.issues[0]!.message).toBe("Invalid input: expected string, received number");
    expect({ host: hostMessage(), profile: profileMessage() }).toEqual(before);
    expect(configuration.localeError).toBeUndefined();
    expect(configuration.customError).toBeUndefined();
  });

  it("uses the host's configured messages when it has any, and the schema's own messages always", () => {
    configuration.localeError = () => "host locale message";
    const result = parseProfiles([{ id: 5 }, { id: "c2", geography: { timeZone: "Mars/Olympus" } }]);
    expect(result.rejected.map((rejection) => rejection.message)).toEqual([
      "host locale message",
      "Invalid time zone: expected an IANA name such as Europe/Berlin",
    ]);
    delete configuration.localeError;
    configuration.customError = () => "host custom message";
    expect(parseProfiles([{ id: 5 }]).rejected[0]!.message).toBe("host custom message");
  });
});
