"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { LOGIN_DATABASE_ERRORS } from "@/lib/auth/login-errors";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full navigation, so every server component sees the new session; the
        // path is checked again here, where it is followed.
        window.location.assign(safeCallbackPath(callbackUrl, window.location.origin));
        return;
      }
      // Only next-auth's CredentialsSignin blames the email or password; a database that stopped the login says so.
      const code = result?.error;
      setError(code === "CredentialsSignin" ? t("failed") : code === LOGIN_DATABASE_ERRORS.unavailable ? t("unavailable") : code === LOGIN_DATABASE_ERRORS.read_only ? t("readOnly") : t("error"));
    } catch {
      setError(t("error"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <p role="alert" aria-live="assertive" className="form-error">
        {error}
      </p>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
