// Writes app/favicon.ico from app/icon.svg (one look, two files): browsers
// that ask for /favicon.ico by themselves get it instead of a 404. Run after
// changing the SVG: `npx tsx scripts/build-favicon.ts`; the .ico is committed.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "..");
const SIZES = [16, 32, 48];

const pngs = await Promise.all(SIZES.map((size) => sharp(readFileSync(path.join(root, "app/icon.svg")), { density: 384 }).resize(size, size).png().toBuffer()));
// ICO: a 6-byte header, a 16-byte entry per image, then the images (PNG inside ICO since Windows Vista).
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(pngs.length, 4);
let offset = 6 + 16 * pngs.length;
const entries = pngs.map((png, i) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(SIZES[i]! % 256, 0);
  entry.writeUInt8(SIZES[i]! % 256, 1);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += png.length;
  return entry;
});
writeFileSync(path.join(root, "app/favicon.ico"), Buffer.concat([header, ...entries, ...pngs]));
console.log(`app/favicon.ico: ${SIZES.join(", ")} px`);
