"use client";

import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/account/actions";
import type { FormState } from "@/lib/auth/form-state";
import { ActionForm } from "./action-form";

/** After a change the session has ended (new session version): a full navigation to the login page. */
async function changeThenLogIn(state: FormState, data: FormData): Promise<FormState> {
  const result = await changePasswordAction(state, data);
  // A full navigation on purpose: it drops the client router cache of the ended session's pages.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  if (result.status === "ok") window.location.assign("/login?passwordChanged=1");
  return result;
}

export function ChangePasswordForm() {
  const t = useTranslations("admin");
  return (
    <ActionForm
      action={changeThenLogIn}
      submitLabel={t("changePassword")}
      fields={[
        { name: "current", label: t("currentPassword"), type: "password", autoComplete: "current-password" },
        { name: "next", label: t("newPassword"), type: "password", autoComplete: "new-password", hint: t("newPasswordHint") },
        { name: "confirm", label: t("confirmPassword"), type: "password", autoComplete: "new-password" },
      ]}
    />
  );
}
