import type { Metadata } from "next";
import { formatTimestamp } from "@/lib/domain/format";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getImport } from "@/lib/data/imports";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { RollbackButton } from "@/components/imports/rollback-button";
import { ScopedMessages } from "@/components/layout/scoped-messages";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("importTitle", { id: (await params).id }) };
}

export default async function ImportPage({ params }: Props) {
  const user = await requireUser("figures:read");
  const id = parseFigureId((await params).id);
  const record = id === null ? null : await getImport(id);
  if (!record) notFound();
  const [t, locale] = await Promise.all([getTranslations("imports"), getLocale()]);
  return (
    <>
      <h1>{t("importTitle", { id: record.id })}</h1>
      <dl className="figure-facts card">
        <dt>{t("file")}</dt>
        <dd>{record.fileName}</dd>
        <dt>{t("mapping")}</dt>
        <dd>{record.mappingName}</dd>
        <dt>{t("counts")}</dt>
        <dd>{`${record.created} / ${record.updated} / ${record.unchanged}`}</dd>
        <dt>{t("state")}</dt>
        <dd>{record.status === "committed" ? t("committedState") : t("rolledBackState")}</dd>
        <dt>{t("who")}</dt>
        <dd>{record.user ?? "—"}</dd>
        <dt>{t("when")}</dt>
        <dd>{formatTimestamp(record.createdAt, locale)}</dd>
      </dl>
      <p>
        <Link href="/imports">{t("listTitle")}</Link>
      </p>
      {can(user.role, "imports:write") && (
        <ScopedMessages namespaces={["imports"]}>
          <RollbackButton id={record.id} committed={record.status === "committed"} />
        </ScopedMessages>
      )}
    </>
  );
}
