// Webhook URLs at rest: sealed with a key derived from ALERT_TARGET_SECRET, the origin readable for
// views, the path (the credential) nowhere in the stored form, and any tampering or a changed secret
// refused as a final failure.
import { describe, expect, it } from "vitest";
import { SendFailure } from "../../src/alerts/config";
import { isSealed, openWebhookUrl, sealWebhookUrl, storedOrigin } from "../../src/alerts/sealed-url";
import { maskWebhookUrl } from "../../src/alerts/webhook-url";

const SECRET = "a-test-alert-target-secret-of-32-characters";
const URL_ = "https://hooks.slack.com/services/T0001/B0002/XXXXsecretXXXX";

const failureOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
};

describe("sealed webhook URLs", () => {
  it("round-trips, shows only the origin, and never carries the path in the clear", () => {
    const sealed = sealWebhookUrl(URL_, SECRET);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("XXXXsecretXXXX");
    expect(sealed).not.toContain("/services/");
    expect(storedOrigin(sealed)).toBe("https://hooks.slack.com");
    expect(maskWebhookUrl(sealed)).toBe("https://hooks.slack.com/…");
    expect(openWebhookUrl(sealed, SECRET)).toBe(URL_);
    // A fresh IV each time: the same URL never seals to the same text.
    expect(sealWebhookUrl(URL_, SECRET)).not.toBe(sealed);
  });

  it("refuses, as a failure not worth retrying, a changed secret, a swapped origin or a bent ciphertext", () => {
    const sealed = sealWebhookUrl(URL_, SECRET);
    const refusals = [
      () => openWebhookUrl(sealed, `${SECRET}-rotated`),
      () => openWebhookUrl(sealed, undefined),
      // The origin is bound as associated data: pointing the sealed path at another host fails.
      () => openWebhookUrl(sealed.replace("https://hooks.slack.com", "https://evil.example"), SECRET),
      () =>
        openWebhookUrl(
          sealed.replace(/\.v1\.(.)/, (_, c) => `.v1.${c === "A" ? "B" : "A"}`),
          SECRET,
        ),
    ];
    for (const refuse of refusals) {
      const error = failureOf(refuse);
      expect(error).toBeInstanceOf(SendFailure);
      expect((error as SendFailure).retryable).toBe(false);
      expect((error as SendFailure).message).toContain("ALERT_TARGET_SECRET");
      expect((error as SendFailure).message).not.toContain("XXXXsecretXXXX");
    }
  });

  it("reads a URL stored in the clear before sealing as it is", () => {
    expect(openWebhookUrl(URL_, SECRET)).toBe(URL_);
    expect(maskWebhookUrl(URL_)).toBe("https://hooks.slack.com/…");
    expect(maskWebhookUrl("not a url")).toBe("…");
  });
});
