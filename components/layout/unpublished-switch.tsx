// A reviewer's "Include unpublished" switch in the header, and the banner every
// page shows while it is on. A plain form posting a Server Action: it works
// without JavaScript, and the page re-renders with the new choice.
import { getTranslations } from "next-intl/server";
import { setIncludeUnpublished } from "@/app/actions/visibility";
import { can } from "@/lib/auth/permissions";
import { includeUnpublishedChosen } from "@/lib/auth/page-visibility";
import type { SessionUser } from "@/lib/data/users";

export async function UnpublishedSwitch({ on }: { on: boolean }) {
  const t = await getTranslations("visibility");
  return (
    <form action={setIncludeUnpublished} className="unpublished-switch">
      <input type="hidden" name="include" value={on ? "0" : "1"} />
      <button type="submit" role="switch" aria-checked={on} className={on ? "button-secondary is-on" : "button-secondary"}>
        {t("includeUnpublished")}
      </button>
    </form>
  );
}

/** Under the header of every page while a reviewer includes unpublished figures. */
export async function UnpublishedBanner({ user }: { user: SessionUser | null }) {
  if (!user || !can(user.role, "figures:review") || !(await includeUnpublishedChosen())) return null;
  const t = await getTranslations("visibility");
  return (
    <p className="unpublished-banner" role="status" data-testid="unpublished-banner">
      {t("includingBanner")}
    </p>
  );
}
