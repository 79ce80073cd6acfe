import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import { commonPasswordCount, isCommonPassword } from "./common-passwords";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem, passwordProblemText, passwordSchema } from "./password";

describe("password policy", () => {
  it("checks against a list of at least 10,000 common passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("123456")).toBe(true);
  });

  it("accepts any 12 characters that are not common, with no composition rules", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem("correct horse battery")).toBeNull();
    expect(passwordProblem("abcdefghijkx")).toBeNull(); // lowercase only is fine
    expect(passwordSchema.parse("sr-demo-viewer-pass")).toBe("sr-demo-viewer-pass");
  });

  it("refuses fewer than 12 characters, counting characters as a person does", () => {
    expect(passwordProblem("")).toBe("passwordTooShort");
    expect(passwordProblem("elevenchars")).toBe("passwordTooShort");
    // 11 characters, 12+ UTF-16 units: still too short
    expect(passwordProblem("mot-de-pass😀")).toBeNull();
    expect(passwordProblem("mot-de-pas😀")).toBe("passwordTooShort");
  });

  it("refuses common passwords of 12+ characters whatever their case", () => {
    expect(passwordProblem("qwerty123456")).toBe("passwordTooCommon");
    expect(passwordProblem("QWERTY123456")).toBe("passwordTooCommon");
    expect(passwordProblem("1q2w3e4r5t6y")).toBe("passwordTooCommon");
  });

  it("refuses absurdly long input and non-strings", () => {
    expect(passwordProblem("x".repeat(MAX_PASSWORD_LENGTH))).toBeNull();
    expect(passwordProblem("x".repeat(MAX_PASSWORD_LENGTH + 1))).toBe("passwordTooLong");
    expect(passwordProblem(undefined)).toBe("passwordRequired");
    expect(passwordProblem(42)).toBe("passwordRequired");
  });

  it("has every message in English and French, with the numbers filled in", () => {
    expect(Object.keys(fr.passwordErrors).sort()).toEqual(Object.keys(en.passwordErrors).sort());
    expect(passwordProblemText("passwordTooShort", en.passwordErrors)).toContain("at least 12 characters");
    expect(passwordProblemText("passwordTooShort", fr.passwordErrors)).toContain("au moins 12 caractères");
  });
});
