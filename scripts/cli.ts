// Operator CLI: `npm run cli -- <command>`. Works on the same database as
// `npm start` (DATABASE_URL, or the embedded server in DATA_DIR, also while
// the app is running). Errors go to stderr with a non-zero exit.
import { parseArgs } from "node:util";
import { openDatabase } from "../lib/db/runtime";
import { migrate } from "../lib/db/migrate";
import { disconnectDb } from "../lib/db/client";
import { isRole, ROLES } from "../lib/auth/permissions";
import { assertPasswordPolicy, createUser, toSessionUser, UserError } from "../lib/data/users";
import { createApiToken, disableUser, setUserPassword, setUserRole, setUserScope } from "../lib/data/user-admin";
import { commaList } from "../lib/validation/users";
import { seedDatabase } from "../lib/data/seed";
import { readEnv } from "../lib/env";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../lib/db/client";
import { runImport } from "../lib/data/import-run";
import { reportText } from "../lib/import/report-text";
import { DATASET_CODE } from "../lib/validation/dataset-input";
import { backupDatabase, BackupError, restoreDatabase } from "../lib/db/backup";

const USAGE = `Usage: npm run cli -- <command>

  user add <email> --role <admin|reviewer|analyst|viewer> [--regions ML05,ML06] [--datasets CODE,…] [--read-scoped]
           --password-stdin [--name NAME]
  user set-role <email> <role>
  user set-scope <email> [--regions ML05,ML06] [--datasets CODE,…] [--read-scoped]
                                                   where the user may write: regions by P-code (a region grants its
                                                   cercles), datasets by code; no list = everywhere (all datasets);
                                                   --read-scoped limits reading too (omitted: reading is not limited)
  user set-password <email> --password-stdin       ends the user's sessions
  user disable <email>
  token create <email> [--name NAME] [--days N]   prints the token alone on its last line
  backup <file>                                    writes the whole database to <file> (pg_dump, custom format)
  restore <file>                                   replaces the database's contents with a backup's (pg_restore, one transaction)
  migrate                                          applies pending migrations
  seed                                             loads reference and demo data (idempotent)
  import <file> [--dry-run] [--dataset CODE] [--source-org ORG] [--source-title TITLE] [--source-url URL] [--source-date YYYY-MM-DD]
         [--year YYYY] [--level 1|2] [--mapping MAPPING.json [--save-mapping NAME]] [--saved-mapping NAME] [--as EMAIL]
                                                   imports figures from CSV/XLSX/HXL; exits 1 if any row is invalid.
                                                   --dataset: the dataset (code, e.g. iom-dtm-mali) the figures go to when the
                                                   file does not name one; no figure of another dataset is changed`;

class UsageError extends Error {}

function scopeText(scope: { regions: string[]; datasets: string[]; readScoped: boolean }): string {
  const regions = scope.regions.length ? `in ${scope.regions.join(", ")}` : "everywhere";
  const datasets = scope.datasets.length ? `, datasets ${scope.datasets.join(", ")}` : "";
  return `${regions}${datasets}${scope.readScoped ? " (reading limited too)" : ""}`;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError("--password-stdin reads the password from standard input: pipe it in");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function role(value: string | undefined): (typeof ROLES)[number] {
  if (!value || !isRole(value)) throw new UsageError(`role must be one of ${ROLES.join(", ")}${value ? ` (got "${value}")` : ""}`);
  return value;
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      name: { type: "string" },
      days: { type: "string" },
      "password-stdin": { type: "boolean" },
      "dry-run": { type: "boolean" },
      dataset: { type: "string" },
      "source-org": { type: "string" },
      "source-title": { type: "string" },
      "source-url": { type: "string" },
      "source-date": { type: "string" },
      year: { type: "string" },
      level: { type: "string" },
      mapping: { type: "string" },
      "save-mapping": { type: "string" },
      "saved-mapping": { type: "string" },
      as: { type: "string" },
      regions: { type: "string" },
      datasets: { type: "string" },
      "read-scoped": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, sub, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    if (!command && !values.help) throw new UsageError("no command given");
    return;
  }
  const key = ["user", "token"].includes(command) ? `${command} ${sub ?? ""}` : command;
  const known = ["backup", "restore", "user add", "user set-role", "user set-password", "user set-scope", "user disable", "token create", "migrate", "seed", "import"];
  if (!known.includes(key)) throw new UsageError(`unknown command "${[command, sub].filter(Boolean).join(" ")}"`);

  const email = rest[0];
  if (key === "import" && !sub) throw new UsageError("import needs a file");
  if ((key === "backup" || key === "restore") && !sub) throw new UsageError(`${key} needs a file`);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) throw new UsageError("--year must be a year such as 2024");
  if (values.level !== undefined && !["1", "2"].includes(values.level)) throw new UsageError("--level must be 1 (regions) or 2 (cercles)");
  if (values.dataset !== undefined && !DATASET_CODE.test(values.dataset)) throw new UsageError("--dataset must be a dataset code such as iom-dtm-mali");
  if ((command === "user" || command === "token") && !email) throw new UsageError(`${key} needs an email`);
  if (key === "user set-role") role(rest[1]);
  const scoping = values.regions !== undefined || values.datasets !== undefined || values["read-scoped"] !== undefined;
  if (scoping && key !== "user add" && key !== "user set-scope") throw new UsageError("--regions, --datasets and --read-scoped go with user add and user set-scope");
  // No list: everywhere; --read-scoped omitted: reading is not limited (set-scope sets the whole scope).
  const scope = { regions: commaList(values.regions), datasets: commaList(values.datasets), readScoped: values["read-scoped"] ?? false };
  let password: string | undefined;
  if (key === "user add" || key === "user set-password") {
    if (!values["password-stdin"]) throw new UsageError(`${key} needs --password-stdin (the password is never an argument)`);
    if (key === "user add") role(values.role);
    password = await readStdin();
    // The policy is checked before the database is opened: a quick, clear refusal.
    assertPasswordPolicy(password);
  }

  const database = await openDatabase((m) => console.error(m));
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_DIRECT_URL = database.directUrl;
  try {
    // A backup takes the database as it is, and a restore brings its own schema.
    const applied = key === "backup" || key === "restore" ? [] : await migrate(database.directUrl);
    if (applied.length) console.error(`Applied migrations: ${applied.join(", ")}`);
    switch (key) {
      case "backup": {
        const report = await backupDatabase(database.directUrl, sub!);
        console.error(`pg_dump: ${report.tool}; server PostgreSQL ${report.serverVersion}`);
        console.log(`Backed up to ${report.file} (${(report.bytes / 1024).toFixed(0)} kB)`);
        break;
      }
      case "restore": {
        const report = await restoreDatabase(database.directUrl, sub!);
        console.error(`pg_restore: ${report.tool}`);
        console.log(`Restored ${path.resolve(sub!)}`);
        break;
      }
      case "user add": {
        const user = await createUser({ email: email!, role: role(values.role), password: password!, name: values.name, scope });
        console.log(`Created ${user.role} ${user.email}${scoping ? `, ${scopeText(user.scope)}` : ""}`);
        break;
      }
      case "user set-scope": {
        const user = await setUserScope(email!, scope);
        console.log(`${user.email} now writes ${scopeText(user.scope)}; it applies from their next request`);
        break;
      }
      case "user set-role": {
        const user = await setUserRole(email!, role(rest[1]));
        console.log(`${user.email} is now ${user.role}`);
        break;
      }
      case "user set-password": {
        const user = await setUserPassword(email!, password!);
        console.log(`Changed the password of ${user.email}; their sessions ended`);
        break;
      }
      case "user disable": {
        const user = await disableUser(email!);
        console.log(`Disabled ${user.email}; their sessions have ended and their API tokens are revoked`);
        break;
      }
      case "token create": {
        const days = values.days === undefined ? 365 : Number(values.days);
        if (!Number.isInteger(days) || days < 1 || days > 3650) throw new UsageError("--days must be a whole number from 1 to 3650");
        const token = await createApiToken(email!, values.name ?? "cli", days);
        console.error(`Token for ${email} (shown once, valid ${days} days):`);
        console.log(token);
        break;
      }
      case "migrate":
        console.log(applied.length ? `Applied ${applied.length} migration(s)` : "Database is up to date");
        break;
      case "import": {
        const file = path.resolve(sub!);
        const mapping = values.mapping ? { name: path.basename(values.mapping), mapping: JSON.parse(await readFile(values.mapping, "utf8")) } : undefined;
        if (values["save-mapping"] !== undefined && !mapping) throw new UsageError("--save-mapping saves the mapping given with --mapping");
        const actor = values.as ? await db().user.findUnique({ where: { email: values.as.toLowerCase() } }) : null;
        if (values.as && !actor) throw new UsageError(`no user ${values.as}`);
        const report = await runImport({
          data: await readFile(file),
          fileName: path.basename(file),
          commit: !values["dry-run"],
          dataset: values.dataset,
          source: { organisation: values["source-org"], title: values["source-title"], url: values["source-url"], date: values["source-date"] },
          year,
          level: values.level ? (Number(values.level) as 1 | 2) : undefined,
          mapping,
          savedMapping: values["saved-mapping"],
          saveMappingAs: values["save-mapping"],
          // --as: the import is theirs, within their scope; else the operator's, unscoped.
          writer: actor ? toSessionUser(actor) : null,
        });
        console.log(reportText(report));
        if (report.status === "invalid_file" || report.status === "invalid_rows") process.exitCode = 1;
        break;
      }
      case "seed": {
        const report = await seedDatabase(database.directUrl, { demoUsers: readEnv().SEED_DEMO_USERS === "true" });
        console.log(`Seeded ${report.regions} regions, ${report.indicators} indicators, ${report.sources} sources, ${report.figuresCreated} new figures, ${report.eventsCreated} new events, ${report.users} new users`);
        break;
      }
    }
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

run(process.argv.slice(2)).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof UserError || error instanceof BackupError;
    console.error(`Error: ${(error as Error).message}`);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    if (!known && process.env.DEBUG) console.error(error);
    process.exit(known ? 2 : 1);
  },
);
