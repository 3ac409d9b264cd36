/** WCAG relative luminance of a #rgb or #rrggbb colour; null for anything else. */
export const luminanceOf = (color: string): number | null => {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (hex === undefined) {
    return null;
  }

  const full = hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(full.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

export const contrastRatio = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** Black or white, whichever reads better on the business's colour. */
export const textColorOn = (background: string): '#000000' | '#ffffff' => {
  const luminance = luminanceOf(background) ?? 0;
  return contrastRatio(luminance, 1) >= contrastRatio(luminance, 0) ? '#ffffff' : '#000000';
};

/** The business's colour when it is one (a CSS colour from the server is never put into a stylesheet unchecked). */
export const safeColor = (color: string | undefined, fallback: string): string =>
  color !== undefined && luminanceOf(color) !== null ? color.trim() : fallback;
