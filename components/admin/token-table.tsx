import { getLocale, getTranslations } from "next-intl/server";
import type { TokenRow } from "@/lib/data/user-admin";
import { formatTimestamp } from "@/lib/domain/format";
import { revokeTokenAction } from "@/app/account/actions";
import { ActionForm } from "./action-form";
import { TableScroll } from "@/components/layout/table-scroll";

/** API tokens with a revoke button on each live one; `showOwner` on admin pages. */
export async function TokenTable({ tokens, showOwner, caption }: { tokens: TokenRow[]; showOwner?: boolean; caption: string }) {
  const [t, locale] = await Promise.all([getTranslations("admin"), getLocale()]);
  if (tokens.length === 0) return <p>{t("noTokens")}</p>;
  return (
    <TableScroll>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("tokenName")}</th>
            {showOwner && <th scope="col">{t("tokenOwner")}</th>}
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
          {tokens.map((token) => (
            <tr key={token.id} data-token-id={token.id}>
              <td>{token.name}</td>
              {showOwner && <td>{token.userEmail}</td>}
              <td>{formatTimestamp(token.createdAt, locale)}</td>
              <td>{token.expiresAt ? formatTimestamp(token.expiresAt, locale) : "—"}</td>
              <td>{token.lastUsedAt ? formatTimestamp(token.lastUsedAt, locale) : t("neverUsed")}</td>
              <td>{t(`states.${token.state}`)}</td>
              <td>{token.state === "live" && <ActionForm action={revokeTokenAction} hidden={{ tokenId: String(token.id) }} submitLabel={t("revoke", { name: token.name })} danger className="inline-form" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
