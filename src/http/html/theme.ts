import type { Branding } from '../../domain/campaign-settings.js';

/** Relative luminance of a #rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** Black or white, whichever reads better on this colour. */
export function textOn(hex: string): '#000' | '#fff' {
  const l = luminance(hex);
  return contrast(l, 1) >= contrast(l, 0) ? '#fff' : '#000';
}

/**
 * The campaign's colours as a style sheet laid over the layout's (empty when it keeps Vouch's). The colours
 * are validated `#rrggbb` values, so nothing else can reach the CSS; the Content-Security-Policy allows this
 * sheet by its hash.
 */
export function brandStyle(branding: Branding | undefined): string {
  if (!branding) return '';
  const rules: string[] = [];
  const { accent_color: accent, background_color: background, text_color: text } = branding;
  if (accent) {
    rules.push(`:root { --accent: ${accent}; --on-accent: ${textOn(accent)}; }`);
    rules.push(`main a:not(.button) { color: ${accent}; }`);
  }
  if (background) {
    const scheme = luminance(background) > 0.18 ? 'light' : 'dark';
    rules.push(`:root { color-scheme: ${scheme}; } body { background: ${background}; }`);
  }
  if (text) rules.push(`body { color: ${text}; }`);
  return rules.join('\n');
}
