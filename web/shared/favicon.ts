/**
 * The icon of both sites (the register and the staff app): a white "i" (information) on the
 * register's brand blue, as an SVG for browsers that take one and as a 32×32 `favicon.ico` for
 * those that ask for `/favicon.ico` by habit. Both are generated here, with no binary in the repository.
 */

const BRAND = [0x0b, 0x3a, 0x6e] as const; // --brand of the register's CSS
const SIZE = 32;

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">' +
  '<rect width="32" height="32" rx="6" fill="#0b3a6e"/>' +
  '<rect x="13" y="6" width="6" height="6" rx="1" fill="#fff"/>' +
  '<rect x="13" y="14" width="6" height="12" rx="1" fill="#fff"/>' +
  '</svg>\n';

/** Whether pixel (x, y) (y downwards) is white in the 32×32 icon: the same shapes as the SVG, without the rounded corners of the small ones. */
function white(x: number, y: number): boolean {
  return x >= 13 && x < 19 && ((y >= 6 && y < 12) || (y >= 14 && y < 26));
}

/** Whether pixel (x, y) lies outside the background's rounded corners (radius 6), so it is transparent. */
function outside(x: number, y: number): boolean {
  const r = 6;
  const cx = x < r ? r : x >= SIZE - r ? SIZE - r : x + 0.5;
  const cy = y < r ? r : y >= SIZE - r ? SIZE - r : y + 0.5;
  const dx = x + 0.5 - cx;
  const dy = y + 0.5 - cy;
  return dx * dx + dy * dy > r * r;
}

/**
 * A valid Windows icon file: one 32×32 image, 32 bits per pixel (BGRA bitmap, bottom-up, with its
 * 1-bit AND mask), as browsers and operating systems read it.
 */
export function faviconIco(): Uint8Array {
  const pixels = SIZE * SIZE * 4;
  const maskRow = 4; // 32 pixels at 1 bit, already a multiple of 4 bytes
  const mask = maskRow * SIZE;
  const image = 40 + pixels + mask;
  const out = new Uint8Array(6 + 16 + image);
  const v = new DataView(out.buffer);
  // ICONDIR
  v.setUint16(0, 0, true);
  v.setUint16(2, 1, true); // 1 = icon
  v.setUint16(4, 1, true); // one image
  // ICONDIRENTRY
  out[6] = SIZE;
  out[7] = SIZE;
  out[8] = 0; // no palette
  out[9] = 0;
  v.setUint16(10, 1, true); // colour planes
  v.setUint16(12, 32, true); // bits per pixel
  v.setUint32(14, image, true);
  v.setUint32(18, 22, true); // offset of the image
  // BITMAPINFOHEADER (height counts the XOR bitmap and the AND mask)
  const b = 22;
  v.setUint32(b, 40, true);
  v.setInt32(b + 4, SIZE, true);
  v.setInt32(b + 8, SIZE * 2, true);
  v.setUint16(b + 12, 1, true);
  v.setUint16(b + 14, 32, true);
  v.setUint32(b + 16, 0, true); // BI_RGB
  v.setUint32(b + 20, pixels + mask, true);
  const px = b + 40;
  const am = px + pixels;
  for (let row = 0; row < SIZE; row++) {
    const y = SIZE - 1 - row; // bottom-up
    for (let x = 0; x < SIZE; x++) {
      const o = px + (row * SIZE + x) * 4;
      if (outside(x, y)) {
        out[am + row * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
        continue; // transparent: BGRA all zero
      }
      const [r, g, bl] = white(x, y) ? [255, 255, 255] : BRAND;
      out[o] = bl;
      out[o + 1] = g;
      out[o + 2] = r;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** The two files, as each site writes them at its root. */
export const FAVICON_FILES = [
  { name: 'favicon.svg', contentType: 'image/svg+xml; charset=utf-8', body: () => FAVICON_SVG as string | Uint8Array },
  { name: 'favicon.ico', contentType: 'image/x-icon', body: () => faviconIco() as string | Uint8Array },
] as const;
