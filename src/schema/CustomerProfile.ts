import { z } from "zod";
import { calendarDate, count, instant, labels, nonNegative, timeZone } from "./_lib/fields.js";

/** Benefits a customer seeks from a product (benefit segmentation). */
export const benefits = ["price", "quality", "convenience", "status", "service", "speed", "reliability", "variety", "sustainability", "innovation"] as const;

/** Marketing channels for consent and preference. */
export const marketingChannels = ["email", "sms", "push", "phone", "directMail", "inApp", "social", "web"] as const;

function channelConsentSchema() {
  return z.object({
    /** Whether the customer agreed to marketing on this channel. */
    granted: z.boolean(),
    /** When the consent was given or withdrawn. */
    updatedAt: instant().nullish(),
    /** Where the consent was captured (form, app, import). */
    source: z.string().nullish(),
  });
}

function createCustomerProfileSchema() {
  const channelConsent = channelConsentSchema().nullish();
  return z.object({
    /** The customer's stable identifier. */
    id: z.string().min(1),
    /** Free labels set by the host app (`vip`, `newsletter`). */
    tags: labels().nullish(),
    /** When the profile was created. */
    createdAt: instant().nullish(),
    demographics: z
      .object({
        age: z.number().int().min(0).max(130).nullish(),
        birthDate: calendarDate().nullish(),
        gender: z.string().min(1).nullish(),
        /** Yearly income in the profile's currency. */
        income: nonNegative().nullish(),
        education: z.enum(["none", "primary", "secondary", "vocational", "bachelor", "master", "doctorate"]).nullish(),
        occupation: z.string().min(1).nullish(),
        maritalStatus: z.enum(["single", "partnered", "married", "divorced", "widowed"]).nullish(),
        householdSize: z.number().int().min(1).nullish(),
        childrenInHousehold: count().nullish(),
        lifeStage: z.string().min(1).nullish(),
        language: z.string().min(2).nullish(),
      })
      .nullish(),
    geography: z
      .object({
        /** ISO 3166-1 alpha-2 code, upper case (`US`, `DE`). */
        country: z.string().regex(/^[A-Z]{2}$/, "Invalid country: expected an ISO 3166-1 alpha-2 code such as US").nullish(),
        region: z.string().min(1).nullish(),
        city: z.string().min(1).nullish(),
        postalCode: z.string().min(1).nullish(),
        latitude: z.number().min(-90).max(90).nullish(),
        longitude: z.number().min(-180).max(180).nullish(),
        timeZone: timeZone().nullish(),
        urbanicity: z.enum(["urban", "suburban", "rural"]).nullish(),
      })
      .nullish(),
    psychographics: z
      .object({
        interests: labels().nullish(),
        values: labels().nullish(),
        lifestyle: labels().nullish(),
        /** Big Five traits, each scaled to [0, 1]. */
        personality: z
          .object({
            openness: z.number().min(0).max(1).nullish(),
            conscientiousness: z.number().min(0).max(1).nullish(),
            extraversion: z.number().min(0).max(1).nullish(),
            agreeableness: z.number().min(0).max(1).nullish(),
            neuroticism: z.number().min(0).max(1).nullish(),
          })
          .nullish(),
        attitudes: labels().nullish(),
      })
      .nullish(),
    behavior: z
      .object({
        firstSeenAt: instant().nullish(),
        lastSeenAt: instant().nullish(),
        firstPurchaseAt: instant().nullish(),
        lastPurchaseAt: instant().nullish(),
        orderCount: count().nullish(),
        totalSpend: nonNegative().nullish(),
        averageOrderValue: nonNegative().nullish(),
        sessionCount: count().nullish(),
        pageViews: count().nullish(),
        emailsSent: count().nullish(),
        emailOpens: count().nullish(),
        emailClicks: count().nullish(),
        pushOpens: count().nullish(),
        supportTickets: count().nullish(),
        returns: count().nullish(),
        loyaltyPoints: nonNegative().nullish(),
        loyaltyTier: z.string().min(1).nullish(),
        preferredChannels: z.array(z.enum(marketingChannels)).nullish(),
        satisfactionScore: z.number().min(0).max(10).nullish(),
      })
      .nullish(),
    firmographics: z
      .object({
        companyName: z.string().min(1).nullish(),
        industry: z.string().min(1).nullish(),
        /** NAICS or SIC code of the industry. */
        industryCode: z.string().min(1).nullish(),
        employeeCount: count().nullish(),
        annualRevenue: nonNegative().nullish(),
        companySize: z.enum(["1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001+"]).nullish(),
        foundedYear: z.number().int().min(1600).max(3000).nullish(),
        ownership: z.enum(["private", "public", "nonprofit", "government"]).nullish(),
        role: z.string().min(1).nullish(),
        seniority: z.enum(["individual", "manager", "director", "executive", "owner"]).nullish(),
      })
      .nullish(),
    technographics: z
      .object({
        devices: labels().nullish(),
        operatingSystems: labels().nullish(),
        browsers: labels().nullish(),
        softwareUsed: labels().nullish(),
        /** Rogers' adoption category. */
        techAdoption: z.enum(["innovator", "early-adopter", "early-majority", "late-majority", "laggard"]).nullish(),
      })
      .nullish(),
    benefitsSought: z
      .object({
        primary: z.enum(benefits).nullish(),
        /** Benefits in order of importance, most important first. */
        ranked: z.array(z.enum(benefits)).nullish(),
      })
      .nullish(),
    consent: z
      .object({
        email: channelConsent,
        sms: channelConsent,
        push: channelConsent,
        phone: channelConsent,
        directMail: channelConsent,
        inApp: channelConsent,
        /** CCPA/CPRA "do not sell or share my personal information". */
        doNotSell: z.boolean().nullish(),
        /** When the customer asked for their data to be deleted (GDPR Art. 17). */
        deletionRequestedAt: instant().nullish(),
      })
      .nullish(),
    /** Host-app traits that have no place above; prefer `extendProfileSchema` for typed ones. */
    traits: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])).nullish(),
  });
}

/**
 * The zod schema of a customer profile, covering every segmentation basis: demographic, geographic,
 * psychographic, behavioral, firmographic, technographic, benefits sought, and consent/privacy.
 *
 * @remarks
 * Only `id` is required; every group and every field is optional and accepts `null`, because real
 * customer data is sparse. Timestamps accept a `Date` or an ISO-8601 string with `Z` or an offset and
 * parse to `Date`; `birthDate` accepts `YYYY-MM-DD`. Unknown keys are stripped by parsing (see
 * `dataQualityReport` to find them) — add your own fields with `extendProfileSchema`.
 *
 * @example
 * const profile = CustomerProfile.parse({ id: "c1", geography: { country: "DE" }, behavior: { lastPurchaseAt: "2024-03-01T10:00:00Z", orderCount: 3 } });
 * profile.behavior?.lastPurchaseAt instanceof Date //=> true
 * CustomerProfile.safeParse({ id: "c2", geography: { country: "Germany" } }).success //=> false
 * @category Schema
 */
export const CustomerProfile = /* @__PURE__ */ createCustomerProfileSchema();

/** A parsed customer profile: the output type of {@link CustomerProfile}. @category Schema */
export type CustomerProfile = z.infer<typeof CustomerProfile>;

/** What {@link CustomerProfile} accepts before parsing (ISO strings for timestamps). @category Schema */
export type CustomerProfileInput = z.input<typeof CustomerProfile>;
