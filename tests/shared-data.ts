// Where the real published files are: ../shared/data, beside the repository
// and never copied into it (its SOURCES.md gives each file's source and
// licence). CI has the folder; a fresh clone does not.
import { existsSync } from "node:fs";
import path from "node:path";

export const SHARED_DATA = path.resolve(import.meta.dirname, "../../shared/data");

/**
 * Whether the checks against the real files run. The folder decides, not
 * each file: with the folder there, a missing or unreadable file fails its
 * check instead of skipping it.
 */
export const hasSharedData = existsSync(SHARED_DATA);
