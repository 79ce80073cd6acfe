import { getLocale, getTranslations } from "next-intl/server";
import type { PublicLinkDto } from "@/lib/data/public-links";
import { formatTimestamp } from "@/lib/domain/format";
import { revokePublicLinkAction } from "@/app/admin/links/actions";
import { ActionForm } from "./action-form";
import { TableScroll } from "@/components/layout/table-scroll";

/** Public links with their last use and a revoke button on each live one. */
export async function PublicLinkTable({ links, caption }: { links: PublicLinkDto[]; caption: string }) {
  const [t, locale] = await Promise.all([getTranslations("admin"), getLocale()]);
  if (links.length === 0) return <p>{t("noLinks")}</p>;
  return (
    <TableScroll>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("linkLabel")}</th>
            <th scope="col">{t("linkPage")}</th>
            <th scope="col">{t("linkCreator")}</th>
            <th scope="col">{t("created")}</th>
            <th scope="col">{t("expires")}</th>
            <th scope="col">{t("lastUsed")}</th>
            <th scope="col">{t("state")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("action")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id} data-link-id={link.id}>
              <td>{link.label}</td>
              <td>
                <code>{link.path}</code>
              </td>
              <td>{link.createdBy?.email ?? "—"}</td>
              <td>{formatTimestamp(link.createdAt, locale)}</td>
              <td>{formatTimestamp(link.expiresAt, locale)}</td>
              <td>{link.lastUsedAt ? formatTimestamp(link.lastUsedAt, locale) : t("neverUsed")}</td>
              <td>{t(`states.${link.state}`)}</td>
              <td>{link.state === "live" && <ActionForm action={revokePublicLinkAction} hidden={{ linkId: String(link.id) }} submitLabel={t("revokeLink", { label: link.label })} danger className="inline-form" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
