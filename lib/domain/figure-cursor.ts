// The /figures page's keyset cursor: the (updatedAt, id) of a row, the page's
// order, written as an opaque URL-safe token (`?after=…`), so a link keeps
// its place however many figures are added before it.
export interface FigureCursor {
  updatedAt: Date;
  id: number;
}

const MAX_INT = 2_147_483_647;

export function encodeFigureCursor(c: FigureCursor): string {
  return Buffer.from(`${c.updatedAt.getTime()}.${c.id}`, "utf8").toString("base64url");
}

/** The cursor a token stands for, or null for anything this app did not write. */
export function decodeFigureCursor(token: string): FigureCursor | null {
  if (token.length > 64 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const match = /^(\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!match) return null;
  const ms = Number(match[1]);
  const id = Number(match[2]);
  const updatedAt = new Date(ms);
  if (!Number.isSafeInteger(ms) || Number.isNaN(updatedAt.getTime()) || id < 1 || id > MAX_INT) return null;
  return { updatedAt, id };
}
