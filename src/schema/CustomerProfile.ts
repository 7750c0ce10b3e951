import * as z from "zod/mini";
import { bounded, calendarDate, code, instant, integer, labels, nonNegative, optional, ownRecord, text, timeZone } from "./_lib/fields.js";

/** Benefits a customer seeks from a product (benefit segmentation). */
export const benefits = ["price", "quality", "convenience", "status", "service", "speed", "reliability", "variety", "sustainability", "innovation"] as const;

/** Marketing channels for consent and preference. */
export const marketingChannels = ["email", "sms", "push", "phone", "directMail", "inApp", "social", "web"] as const;

function channelConsentSchema() {
  return z.object({
    /** Whether the customer agreed to marketing on this channel. */
    granted: z.boolean(),
    /** When the consent was given or withdrawn. */
    updatedAt: optional(instant()),
    /** Where the consent was captured (form, app, import). */
    source: optional(z.string()),
  });
}

function createCustomerProfileSchema() {
  // The channel object is optional; its `granted` is required (see the remarks below).
  const channelConsent = optional(channelConsentSchema());
  return z.object({
    /** The customer's stable identifier. */
    id: text(),
    /** Free labels set by the host app (`vip`, `newsletter`). */
    tags: optional(labels()),
    /** When the profile was created. */
    createdAt: optional(instant()),
    demographics: optional(z.object({
      age: optional(integer(0, 130)),
      birthDate: optional(calendarDate()),
      gender: optional(text()),
      /** Yearly income in the profile's currency. */
      income: optional(nonNegative()),
      education: optional(z.enum(["none", "primary", "secondary", "vocational", "bachelor", "master", "doctorate"])),
      occupation: optional(text()),
      maritalStatus: optional(z.enum(["single", "partnered", "married", "divorced", "widowed"])),
      householdSize: optional(integer(1)),
      childrenInHousehold: optional(integer()),
      lifeStage: optional(text()),
      language: optional(z.string().check(z.minLength(2))),
    })),
    geography: optional(z.object({
      /** ISO 3166-1 alpha-2 code, upper case (`US`, `DE`). */
      country: optional(code(/^[A-Z]{2}$/, "Invalid country: expected an ISO 3166-1 alpha-2 code such as US")),
      region: optional(text()),
      city: optional(text()),
      postalCode: optional(text()),
      latitude: optional(bounded(-90, 90)),
      longitude: optional(bounded(-180, 180)),
      timeZone: optional(timeZone()),
      urbanicity: optional(z.enum(["urban", "suburban", "rural"])),
    })),
    psychographics: optional(z.object({
      interests: optional(labels()),
      values: optional(labels()),
      lifestyle: optional(labels()),
      /** Big Five traits, each scaled to [0, 1]. */
      personality: optional(z.object({
          openness: optional(bounded(0, 1)),
          conscientiousness: optional(bounded(0, 1)),
          extraversion: optional(bounded(0, 1)),
          agreeableness: optional(bounded(0, 1)),
          neuroticism: optional(bounded(0, 1)),
        })),
      attitudes: optional(labels()),
    })),
    behavior: optional(z.object({
      firstSeenAt: optional(instant()),
      lastSeenAt: optional(instant()),
      firstPurchaseAt: optional(instant()),
      lastPurchaseAt: optional(instant()),
      orderCount: optional(integer()),
      totalSpend: optional(nonNegative()),
      averageOrderValue: optional(nonNegative()),
      sessionCount: optional(integer()),
      pageViews: optional(integer()),
      emailsSent: optional(integer()),
      emailOpens: optional(integer()),
      emailClicks: optional(integer()),
      pushOpens: optional(integer()),
      supportTickets: optional(integer()),
      returns: optional(integer()),
      loyaltyPoints: optional(nonNegative()),
      loyaltyTier: optional(text()),
      preferredChannels: optional(z.array(z.enum(marketingChannels))),
      satisfactionScore: optional(bounded(0, 10)),
    })),
    firmographics: optional(z.object({
      companyName: optional(text()),
      industry: optional(text()),
      /** NAICS or SIC code of the industry. */
      industryCode: optional(text()),
      employeeCount: optional(integer()),
      annualRevenue: optional(nonNegative()),
      companySize: optional(z.enum(["1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001+"])),
      foundedYear: optional(integer(1600, 3000)),
      ownership: optional(z.enum(["private", "public", "nonprofit", "government"])),
      role: optional(text()),
      seniority: optional(z.enum(["individual", "manager", "director", "executive", "owner"])),
    })),
    technographics: optional(z.object({
      devices: optional(labels()),
      operatingSystems: optional(labels()),
      browsers: optional(labels()),
      softwareUsed: optional(labels()),
      /** Rogers' adoption category. */
      techAdoption: optional(z.enum(["innovator", "early-adopter", "early-majority", "late-majority", "laggard"])),
    })),
    benefitsSought: optional(z.object({
      primary: optional(z.enum(benefits)),
      /** Benefits in order of importance, most important first. */
      ranked: optional(z.array(z.enum(benefits))),
    })),
    consent: optional(z.object({
      email: channelConsent,
      sms: channelConsent,
      push: channelConsent,
      phone: channelConsent,
      directMail: channelConsent,
      inApp: channelConsent,
      /** CCPA/CPRA "do not sell or share my personal information". */
      doNotSell: optional(z.boolean()),
      /** When the customer asked for their data to be deleted (GDPR Art. 17). */
      deletionRequestedAt: optional(instant()),
    })),
    /** Host-app traits that have no place above; prefer `extendProfileSchema` for typed ones. */
    traits: optional(ownRecord(z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]))),
  });
}

/**
 * The zod schema of a customer profile, covering every segmentation basis: demographic, geographic,
 * psychographic, behavioral, firmographic, technographic, benefits sought, and consent/privacy.
 *
 * @remarks
 * Every group and every field is optional and accepts `null`, because real customer data is sparse,
 * with two exceptions: `id` is required (a non-empty string), and so is `granted` (a boolean) inside
 * a channel's consent object (`consent.email`, `consent.sms`, `consent.push`, `consent.phone`,
 * `consent.directMail`, `consent.inApp`): the channel object itself may be absent or `null`, but
 * when it is given, a missing or `null` `granted` rejects the profile, since consent must never be
 * guessed. Timestamps accept a `Date` or an ISO-8601 string with seconds and `Z` or a `±hh:mm` offset
 * (RFC 3339) and parse to `Date`; `birthDate` accepts `YYYY-MM-DD`. `traits` rejects the key `__proto__` (zod would drop it
 * silently). Unknown keys are stripped by parsing (see `dataQualityReport` to find them) — add your
 * own fields with `extendProfileSchema`.
 *
 * @example
 * const profile = CustomerProfile.parse({ id: "c1", geography: { country: "DE" }, behavior: { lastPurchaseAt: "2024-03-01T10:00:00Z", orderCount: 3 } });
 * profile.behavior?.lastPurchaseAt instanceof Date //=> true
 * CustomerProfile.safeParse({ id: "c2", geography: { country: "Germany" } }).success //=> false
 * CustomerProfile.safeParse({ id: "c3", consent: { email: null } }).success //=> true
 * CustomerProfile.safeParse({ id: "c4", consent: { email: { granted: null } } }).success //=> false
 * @category Schema
 */
export const CustomerProfile = /* @__PURE__ */ createCustomerProfileSchema();

/** A parsed customer profile: the output type of {@link CustomerProfile}. @category Schema */
export interface CustomerProfile extends z.infer<typeof CustomerProfile> {}

/** What {@link CustomerProfile} accepts before parsing (ISO strings for timestamps). @category Schema */
export type CustomerProfileInput = z.input<typeof CustomerProfile>;
