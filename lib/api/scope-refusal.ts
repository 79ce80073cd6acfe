// The one answer the API gives a write outside the writer's scope: 403
// `outside_scope`, naming the region or dataset (issue 17's contract).
import type { OutsideScope } from "../auth/scope";

export function outsideScopeBody(outside: OutsideScope): { error: { code: "outside_scope"; message: string; region?: string; dataset?: string } } {
  const message = outside.kind === "region" ? `Your scope does not cover region ${outside.code}` : `Your scope does not cover dataset ${outside.code}`;
  return { error: { code: "outside_scope", message, [outside.kind]: outside.code } };
}
