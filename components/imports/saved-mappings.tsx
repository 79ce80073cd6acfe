"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TableScroll } from "@/components/layout/table-scroll";

export interface MappingRow {
  id: number;
  name: string;
  columns: string;
  user: string | null;
  when: string;
}

/**
 * The saved column mappings, each deleted after a confirmation. The status
 * line sits outside the table so it outlives the refresh that drops the row.
 */
export function SavedMappings({ rows }: { rows: MappingRow[] }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const [asking, setAsking] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  async function remove(id: number) {
    const res = await fetch(`/api/v1/import-mappings/${id}`, { method: "DELETE" });
    const body = res.ok ? {} : await res.json().catch(() => ({}));
    setMessage(res.ok ? t("mappingDeleted") : (body.error?.message ?? t("failed")));
    setAsking(null);
    router.refresh();
  }
  return (
    <>
      {rows.length === 0 ? (
        <p>{t("noMappings")}</p>
      ) : (
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("mapping")}</th>
                <th scope="col">{t("mappingColumns")}</th>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("when")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("action")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.columns}</td>
                  <td>{m.user ?? "—"}</td>
                  <td>{m.when}</td>
                  <td>
                    {asking === m.id ? (
                      <div className="notice" role="alertdialog" aria-labelledby={`dm-${m.id}`}>
                        <p id={`dm-${m.id}`}>{t("deleteMappingConfirm", { name: m.name })}</p>
                        <button type="button" className="button-danger" onClick={() => remove(m.id)}>
                          {t("deleteMapping", { name: m.name })}
                        </button>{" "}
                        <button type="button" onClick={() => setAsking(null)}>
                          {t("cancel")}
                        </button>
                      </div>
                    ) : (
                      <button type="button" className="button-danger" onClick={() => setAsking(m.id)}>
                        {t("deleteMapping", { name: m.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p role="status">{message}</p>
    </>
  );
}
