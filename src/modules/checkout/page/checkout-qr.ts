/**
 * The deposit address as a QR code, drawn on the server as SVG by the `qrcode` library: no script and
 * no request to anyone. The code encodes the address alone (no URI scheme: TRON wallets disagree on
 * one, and every wallet's scanner accepts a bare address), dark modules on a white quiet zone so it
 * scans in the dark theme too. Rendering is synchronous with a callback; results are kept per address.
 */
import QRCode from 'qrcode';

const MAX_CACHED = 2_000;
const cache = new Map<string, string>();

export function renderQrSvg(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let svg: string | undefined;
  QRCode.toString(
    text,
    { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000ff', light: '#ffffffff' } },
    (error, out) => {
      if (error) throw error;
      svg = out;
    },
  );
  if (svg === undefined) throw new Error('qrcode rendered asynchronously');
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(text, svg.trim());
  return svg.trim();
}
