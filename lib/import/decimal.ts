// Exact decimals. Figures are stored with 4 decimals (Decimal(20,4)), so
// values travel as text and add up as integer ten-thousandths (bigint):
// summing 50 cercles of CH population × share never drifts.
const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A JS number as plain decimal text, never in exponent form (1e21 → "1000000000000000000000"). */
export function plainNumber(n: number): string {
  const text = String(n);
  const exp = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exp) return text;
  const [, sign, first, rest = "", power] = exp;
  const digits = `${first}${rest}`;
  const point = 1 + Number(power); // where the decimal point falls in `digits`
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Moves the decimal point right: "0.437" → "43.7" for 2 places (an Excel cell shown as 43.7%). */
export function shiftDecimal(text: string, places: number): string {
  const m = PLAIN.exec(text);
  if (!m) return text;
  const [, sign, int = "", frac = ""] = m;
  const digits = `${int}${frac}`.padEnd(int.length + places, "0");
  const whole = digits.slice(0, int.length + places).replace(/^0+(?=\d)/, "");
  const fraction = digits.slice(int.length + places).replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Plain decimal text ("-1234.56789") → ten-thousandths, rounded half away from zero. */
export function toTenThousandths(text: string): bigint {
  const m = PLAIN.exec(text);
  if (!m) throw new Error(`not a plain decimal: ${text}`);
  const [, sign, int = "", frac = ""] = m;
  let value = BigInt(`${int}${frac.slice(0, 4).padEnd(4, "0")}`);
  if ((frac[4] ?? "0") >= "5") value += 1n;
  return sign ? -value : value;
}

/** Ten-thousandths → exact decimal text without trailing zeros ("1234.5"). */
export function fromTenThousandths(value: bigint): string {
  return scaledText(value, 4);
}

/** The exact sum of plain decimal texts, whatever their number of decimals. */
export function sumDecimals(texts: string[]): string {
  const scale = Math.max(0, ...texts.map((t) => (t.split(".")[1] ?? "").length));
  const total = texts.reduce((sum, t) => {
    const [int = "0", frac = ""] = t.split(".");
    return sum + BigInt(`${int}${frac.padEnd(scale, "0")}`);
  }, 0n);
  return scaledText(total, scale);
}

function scaledText(value: bigint, scale: number): string {
  const abs = (value < 0n ? -value : value).toString().padStart(scale + 1, "0");
  const fraction = abs.slice(abs.length - scale).replace(/0+$/, "");
  return `${value < 0n ? "-" : ""}${abs.slice(0, abs.length - scale)}${fraction ? `.${fraction}` : ""}`;
}
