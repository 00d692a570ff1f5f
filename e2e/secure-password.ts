/** The password of the e2e servers that have one (playwright.config.ts hashes it for them). */
export const SECURE_PASSWORD = "e2e-password-123";
