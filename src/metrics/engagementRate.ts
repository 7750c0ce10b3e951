import { assertArray, assertNonNegative, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import type { RateResult } from "./types.js";

/** One session for {@link engagementRate}. @category Metrics */
export interface EngagementSession {
  /** Session length in seconds. */
  readonly durationSeconds: number;
  /** Key events (conversions) in the session. */
  readonly keyEvents: number;
  /** Page or screen views in the session. */
  readonly pageViews: number;
}

/** Thresholds of an engaged session; defaults follow GA4. @category Metrics */
export interface EngagementRateOptions {
  /** Engaged when longer than this many seconds; default 10. */
  readonly minimumDurationSeconds?: number;
  /** Engaged with at least this many key events; default 1. */
  readonly minimumKeyEvents?: number;
  /** Engaged with at least this many page/screen views; default 2. */
  readonly minimumPageViews?: number;
}

/** Result of {@link engagementRate}. @category Metrics */
export interface EngagementRateResult extends RateResult {
  /** 1 − engagement rate (GA4's definition); NaN when not defined. */
  readonly bounceRate: number;
}

/**
 * Session engagement rate, GA4 style: engaged sessions / sessions, where a session is engaged if it
 * lasted more than 10 s, or had a key event, or had at least 2 page or screen views.
 *
 * @remarks
 * Thresholds are options. Bounce rate = 1 − engagement rate. Reference:
 * https://support.google.com/analytics/answer/12195621 ("[GA4] Session"). O(n).
 *
 * @param sessions - one entry per session.
 * @param options - `minimumDurationSeconds` (10, strict), `minimumKeyEvents` (1), `minimumPageViews` (2).
 * @returns A rate value object with `bounceRate`; no sessions gives `defined: false`.
 * @throws RangeError `engagementRate requires durationSeconds to be a non-negative finite number` (likewise keyEvents, pageViews and the thresholds).
 * @throws TypeError `engagementRate requires sessions to be an array`, `engagementRate requires options to be an object`,
 *   `engagementRate requires every session to be an object`.
 * @example
 * const rate = engagementRate([
 *   { durationSeconds: 4, keyEvents: 0, pageViews: 1 },
 *   { durationSeconds: 45, keyEvents: 0, pageViews: 1 },
 *   { durationSeconds: 3, keyEvents: 1, pageViews: 1 },
 *   { durationSeconds: 8, keyEvents: 0, pageViews: 3 },
 * ]);
 * rate.value //=> 0.75
 * rate.bounceRate //=> 0.25
 * @category Metrics
 */
export function engagementRate(sessions: ReadonlyArray<EngagementSession>, options: EngagementRateOptions = {}): EngagementRateResult {
  assertArray("engagementRate", "sessions", sessions);
  assertOptions("engagementRate", options, { minimumDurationSeconds: true, minimumKeyEvents: true, minimumPageViews: true } satisfies OptionKeys<EngagementRateOptions>);
  const minimumDurationSeconds = options.minimumDurationSeconds ?? 10;
  const minimumKeyEvents = options.minimumKeyEvents ?? 1;
  const minimumPageViews = options.minimumPageViews ?? 2;
  assertNonNegative("engagementRate", "minimumDurationSeconds", minimumDurationSeconds);
  assertNonNegative("engagementRate", "minimumKeyEvents", minimumKeyEvents);
  assertNonNegative("engagementRate", "minimumPageViews", minimumPageViews);
  let engaged = 0;
  for (const session of sessions) {
    assertRecord("engagementRate", "every session", session);
    assertNonNegative("engagementRate", "durationSeconds", session.durationSeconds);
    assertNonNegative("engagementRate", "keyEvents", session.keyEvents);
    assertNonNegative("engagementRate", "pageViews", session.pageViews);
    if (session.durationSeconds > minimumDurationSeconds || session.keyEvents >= minimumKeyEvents || session.pageViews >= minimumPageViews) engaged++;
  }
  const total = sessions.length;
  if (total === 0) return { value: Number.NaN, numerator: 0, denominator: 0, defined: false, reason: "no sessions", bounceRate: Number.NaN };
  const value = engaged / total;
  return { value, numerator: engaged, denominator: total, defined: true, bounceRate: 1 - value };
}
