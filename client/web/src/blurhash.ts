// Decodes a BlurHash (the placeholder the silo stores per image) into a tiny PNG data URL, drawn
// while the real thumbnail loads. Written from the format's description: base-83 digits, a DC
// colour, then AC components scaled by a maximum; pixels are sums of cosines.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
const cache = new Map<string, string>();

function decode83(s: string): number {
  let v = 0;
  for (const c of s) v = v * 83 + digits.indexOf(c);
  return v;
}
const toLinear = (v: number) => { const x = v / 255; return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); };
const toSrgb = (v: number) => { const x = Math.max(0, Math.min(1, v)); return Math.round((x <= 0.0031308 ? x * 12.92 : 1.055 * Math.pow(x, 1 / 2.4) - 0.055) * 255); };
const signPow = (v: number, e: number) => Math.sign(v) * Math.pow(Math.abs(v), e);

export function blurhashUrl(hash: string | undefined, width = 16, height = 12): string | undefined {
  if (!hash || hash.length < 6) return undefined;
  const cached = cache.get(hash);
  if (cached) return cached;
  const size = decode83(hash[0]);
  const nx = (size % 9) + 1, ny = Math.floor(size / 9) + 1;
  if (hash.length !== 4 + 2 * nx * ny) return undefined;
  const maxAc = (decode83(hash[1]) + 1) / 166;
  const colours: number[][] = [];
  const dc = decode83(hash.slice(2, 6));
  colours.push([toLinear(dc >> 16), toLinear((dc >> 8) & 255), toLinear(dc & 255)]);
  for (let i = 1; i < nx * ny; i++) {
    const v = decode83(hash.slice(4 + i * 2, 6 + i * 2));
    const q = (x: number) => signPow((x - 9) / 9, 2) * maxAc;
    colours.push([q(Math.floor(v / 361)), q(Math.floor(v / 19) % 19), q(v % 19)]);
  }
  const canvas = document.createElement("canvas");
  canvas.width = width; canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) return undefined;
  const img = ctx.createImageData(width, height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++) {
          const basis = Math.cos((Math.PI * x * i) / width) * Math.cos((Math.PI * y * j) / height);
          const c = colours[i + j * nx];
          r += c[0] * basis; g += c[1] * basis; b += c[2] * basis;
        }
      const p = 4 * (x + y * width);
      img.data[p] = toSrgb(r); img.data[p + 1] = toSrgb(g); img.data[p + 2] = toSrgb(b); img.data[p + 3] = 255;
    }
  ctx.putImageData(img, 0, 0);
  const url = canvas.toDataURL();
  cache.set(hash, url);
  return url;
}
