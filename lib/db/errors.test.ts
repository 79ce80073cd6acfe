// The classification of database errors, on error objects built as pg, Node,
// @prisma/adapter-pg and Prisma 7 build them (their fields as captured from
// real failures in tests/integration/database-errors.test.ts).
import net from "node:net";
import { DatabaseError } from "pg";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { databaseFailure, isUniqueViolation, markConnectionFailure } from "./errors";

/** What pg raises for an error message from the server. */
function pgError(code: string, message: string, severity = "ERROR"): DatabaseError {
  const error = new DatabaseError(message, message.length, "error");
  error.code = code;
  error.severity = severity;
  return error;
}

/** What Prisma 7 raises for an error its driver adapter reported (adapter-pg's convertDriverError). */
function prismaError(code: string, cause: ConstructorParameters<typeof DriverAdapterError>[0]): Prisma.PrismaClientKnownRequestError {
  return new Prisma.PrismaClientKnownRequestError("\nInvalid `prisma.region.findMany()` invocation", {
    code,
    clientVersion: "7.10.1",
    meta: { modelName: "Region", driverAdapterError: new DriverAdapterError(cause) },
  });
}

/** A real refused TCP connection (Node's own error object). */
async function refusedConnection(): Promise<Error> {
  const server = net.createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
  await new Promise((resolve) => server.close(resolve));
  return new Promise((resolve) => net.connect(port, "127.0.0.1").on("error", resolve));
}

describe("databaseFailure", () => {
  it.each([
    ["53300", "sorry, too many clients already", "unavailable"],
    ["57P01", "terminating connection due to administrator command", "unavailable"],
    ["57P03", "the database system is starting up", "unavailable"],
    ["08006", "connection failure", "unavailable"],
    ["3D000", 'database "gone" does not exist', "unavailable"],
    ["28P01", 'password authentication failed for user "app"', "unavailable"],
    ["25006", "cannot execute INSERT in a read-only transaction", "read_only"],
    ["53100", 'could not extend file "base/16384/16385": No space left on device', "read_only"],
    ["23505", 'duplicate key value violates unique constraint "users_email_key"', null],
    ["42601", 'syntax error at or near "SELEC"', null],
    ["57014", "canceling statement due to statement timeout", null],
  ] as const)("pg's SQLSTATE %s (%s) is %s", (code, message, expected) => {
    expect(databaseFailure(pgError(code, message))).toBe(expected);
  });

  it("reads the kind and SQLSTATE of the driver adapter's error inside Prisma's", () => {
    const tooMany = prismaError("P2037", { kind: "TooManyConnections", cause: "sorry, too many clients already", originalCode: "53300", originalMessage: "sorry, too many clients already" });
    expect(databaseFailure(tooMany)).toBe("unavailable");
    const unreachable = prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 });
    expect(databaseFailure(unreachable)).toBe("unavailable");
    const readOnly = prismaError("P2039", {
      kind: "postgres",
      code: "25006",
      severity: "ERROR",
      message: "cannot execute UPDATE in a read-only transaction",
      detail: undefined,
      column: undefined,
      hint: undefined,
      originalCode: "25006",
      originalMessage: "cannot execute UPDATE in a read-only transaction",
    });
    expect(databaseFailure(readOnly)).toBe("read_only");
    const rawReadOnly = prismaError("P2010", { kind: "postgres", code: "25006", severity: "ERROR", message: "cannot execute INSERT in a read-only transaction", detail: undefined, column: undefined, hint: undefined, originalCode: "25006" });
    expect(databaseFailure(rawReadOnly)).toBe("read_only");
    // A transaction that could not start within maxWait: Prisma attaches nothing else.
    expect(databaseFailure(new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", { code: "P2028", clientVersion: "7.10.1", meta: {} }))).toBe("unavailable");
    const duplicate = prismaError("P2002", { kind: "UniqueConstraintViolation", constraint: { index: "sources_organisation_title_url_published_on_key" }, originalCode: "23505" });
    expect(databaseFailure(duplicate)).toBeNull();
  });

  it("reads Node's socket error codes, also inside an AggregateError (a host name with several addresses)", async () => {
    const refused = await refusedConnection();
    expect((refused as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
    expect(databaseFailure(refused)).toBe("unavailable");
    expect(databaseFailure(new AggregateError([refused, refused], "connect failed"))).toBe("unavailable");
    expect(databaseFailure(new DriverAdapterError({ kind: "ConnectionClosed" }))).toBe("unavailable");
  });

  it("counts an error the pool marked as a connection failure, and never an error for its text", () => {
    // pg's pool timeout has no code: lib/db/pool.ts marks it where it happens.
    expect(databaseFailure(markConnectionFailure(new Error("timeout exceeded when trying to connect")))).toBe("unavailable");
    expect(databaseFailure(new Error("timeout exceeded when trying to connect"))).toBeNull();
    expect(databaseFailure(new Error("Connection terminated unexpectedly"))).toBeNull();
    expect(databaseFailure(new Error("ECONNREFUSED 57P01 Can't reach database server"))).toBeNull();
  });

  it("follows causes, and is not thrown off by odd values", () => {
    expect(databaseFailure(new Error("import failed", { cause: pgError("25006", "read-only") }))).toBe("read_only");
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(databaseFailure(loop)).toBeNull();
    for (const value of [null, undefined, "53300", 53300, Object.freeze({ code: "nope" })]) expect(databaseFailure(value)).toBeNull();
  });
});

describe("isUniqueViolation", () => {
  it("recognises pg's 23505, the adapter's kind and Prisma's P2002, and nothing else", () => {
    expect(isUniqueViolation(pgError("23505", "duplicate key"))).toBe(true);
    expect(isUniqueViolation(prismaError("P2002", { kind: "UniqueConstraintViolation", constraint: { fields: ["email"] } }))).toBe(true);
    expect(isUniqueViolation(prismaError("P2010", { kind: "UniqueConstraintViolation", originalCode: "23505" }))).toBe(true);
    expect(isUniqueViolation(pgError("23503", "foreign key"))).toBe(false);
    expect(isUniqueViolation(new Error("duplicate key value violates unique constraint"))).toBe(false);
  });
});
