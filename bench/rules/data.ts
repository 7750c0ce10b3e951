/**
 * The rule-benchmark data set of benchmarks.md §(a): 100,000 profiles from one mulberry32 stream
 * (seed 42), drawn field by field in the documented order. The published null counts
 * (income 7,949; lastPurchaseDaysAgo 20,004; country absent 1,973) check the generator.
 *
 * `averageOrderValue` is not part of the published table: it is `totalSpend / orderCount`
 * (the same double division a hand-written closure does), `null` when `orderCount` is 0. The
 * segmentkit AST has no arithmetic node, so R4 reads this precomputed field (see RESULTS.md).
 */
import { mulberry32 } from "../../src/_lib/random.js";

/** One generated profile. `country` is absent (not null) on about 2 % of profiles. */
export interface BenchProfile {
  id: string;
  age: number;
  country?: string;
  income: number | null;
  orderCount: number;
  totalSpend: number;
  averageOrderValue: number | null;
  lastPurchaseDaysAgo: number | null;
  tags: string[];
  plan: string;
  emailOptIn: boolean;
  signupDaysAgo: number;
}

const countryWeights: ReadonlyArray<readonly [string, number]> = [
  ["US", 30], ["CA", 8], ["GB", 10], ["DE", 10], ["FR", 8], ["IN", 10], ["BR", 8], ["AU", 6], ["JP", 5], ["MX", 5],
];
const tagProbabilities: ReadonlyArray<readonly [string, number]> = [
  ["vip", 0.08], ["newsletter", 0.4], ["churn-risk", 0.12], ["mobile", 0.5], ["b2b", 0.07], ["discount-seeker", 0.25],
  ["loyalty", 0.15], ["unsubscribed", 0.05], ["fraud-flag", 0.01], ["early-adopter", 0.06], ["gift-buyer", 0.1],
  ["wholesale", 0.03],
];
const planWeights: ReadonlyArray<readonly [string, number]> = [["free", 50], ["basic", 25], ["pro", 18], ["enterprise", 7]];

function weighted(rng: () => number, table: ReadonlyArray<readonly [string, number]>): string {
  let total = 0;
  for (const [, weight] of table) total += weight;
  const target = rng() * total;
  let cumulative = 0;
  for (const [name, weight] of table) {
    cumulative += weight;
    if (target < cumulative) return name;
  }
  return table[table.length - 1]![0];
}

/**
 * Generates the benchmark profiles.
 * @param count - number of profiles (100,000 in the benchmark).
 * @param seed - mulberry32 seed (42 in the benchmark).
 */
export function generateBenchProfiles(count = 100_000, seed = 42): BenchProfile[] {
  const rng = mulberry32(seed);
  // Box-Muller, cosine branch only: u = 1 - rng(), v = rng().
  const normal = (): number => {
    const u = 1 - rng();
    const v = rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const profiles: BenchProfile[] = new Array<BenchProfile>(count);
  for (let i = 0; i < count; i++) {
    const orderCount = rng() < 0.2 ? 0 : 1 + Math.floor(-Math.log(1 - rng()) * 6);
    const aov = 20 + Math.exp(0.8 * normal() + 4.2);
    const id = `c${i}`;
    const age = 18 + Math.floor(rng() * 62);
    const country = weighted(rng, countryWeights);
    const income = rng() < 0.08 ? null : Math.round(Math.exp(0.5 * normal() + 10.9));
    const totalSpend = Math.round(orderCount * aov * 100) / 100;
    const lastPurchaseDaysAgo = orderCount === 0 ? null : Math.floor(rng() * rng() * 730);
    const tags: string[] = [];
    for (const [tag, probability] of tagProbabilities) if (rng() < probability) tags.push(tag);
    const plan = weighted(rng, planWeights);
    const emailOptIn = rng() < 0.6;
    const signupDaysAgo = Math.floor(rng() * 2000);
    const profile: BenchProfile = {
      id,
      age,
      country,
      income,
      orderCount,
      totalSpend,
      averageOrderValue: orderCount === 0 ? null : totalSpend / orderCount,
      lastPurchaseDaysAgo,
      tags,
      plan,
      emailOptIn,
      signupDaysAgo,
    };
    if (rng() < 0.02) delete profile.country;
    profiles[i] = profile;
  }
  return profiles;
}

/** The published checks of the generator (benchmarks.md §(a)). */
export const expectedNullCounts = { income: 7_949, lastPurchaseDaysAgo: 20_004, countryAbsent: 1_973 } as const;
