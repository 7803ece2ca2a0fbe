// Writes build/icon.png: a 512×512 RGBA PNG (rounded blue square, three white "inventory" bars).
// Run: node build/make-icon.mjs. Dependency-free (zlib + a CRC-32 table).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};

const insideRoundedSquare = (x, y, margin, radius) => {
  const lo = margin + radius;
  const hi = SIZE - 1 - margin - radius;
  const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
  const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
  if (x < margin || y < margin || x > SIZE - 1 - margin || y > SIZE - 1 - margin) return false;
  return dx * dx + dy * dy <= radius * radius;
};
const bars = [
  { y: 150, width: 300 },
  { y: 236, width: 220 },
  { y: 322, width: 260 },
];
const insideBar = (x, y) =>
  bars.some((bar) => y >= bar.y && y < bar.y + 48 && x >= 106 && x < 106 + bar.width);

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const i = row + 1 + x * 4;
    if (!insideRoundedSquare(x, y, 16, 96)) continue; // transparent
    const shade = Math.round((y / SIZE) * 40);
    const [r, g, b] = insideBar(x, y) ? [255, 255, 255] : [30 - shade / 2, 90 - shade, 200 - shade];
    raw[i] = r;
    raw[i + 1] = g;
    raw[i + 2] = b;
    raw[i + 3] = 255;
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`build/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
