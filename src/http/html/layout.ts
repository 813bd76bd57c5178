import { createHash } from 'node:crypto';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const STYLE = `
  :root { color-scheme: light dark; --accent: #2f5bd3; --danger: #b00020; }
  [hidden] { display: none !important; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; padding: 2rem 1rem; }
  main { max-width: 34rem; margin: 0 auto; }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
  h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font: inherit; border: 1px solid #888; border-radius: .4rem; }
  input[aria-invalid="true"] { border: 2px solid var(--danger); }
  button, .button { display: inline-block; margin-top: 1rem; padding: .6rem 1.1rem; font: inherit; font-weight: 600;
    color: var(--on-accent, #fff); background: var(--accent); border: 0; border-radius: .4rem; cursor: pointer; text-decoration: none; }
  button:focus-visible, input:focus-visible, a:focus-visible, output:focus-visible, [tabindex]:focus-visible {
    outline: 3px solid #f5a623; outline-offset: 2px; }
  .error { color: var(--danger); font-weight: 600; margin: .25rem 0; }
  .error-summary { border: 3px solid var(--danger); border-radius: .4rem; padding: .5rem 1rem; margin: 1rem 0; }
  .error-summary h2 { margin-top: .5rem; }
  .error-summary a { color: var(--danger); font-weight: 600; }
  .hp, .visually-hidden { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
  .share { display: flex; gap: .5rem; flex-wrap: wrap; }
  .share .button, .share button { margin-top: 0; }
  .numbers { display: flex; gap: 1rem; margin: 1rem 0; }
  .numbers div { flex: 1; border: 1px solid #888; border-radius: .4rem; padding: .5rem; text-align: center; }
  .numbers dt { font-size: .9rem; } .numbers dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
  table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: .4rem; border-bottom: 1px solid #888; }
  .qr { margin: 0; } .qr svg { background: #fff; }
  output { display: block; font-family: ui-monospace, monospace; padding: .6rem; border: 1px dashed #888; border-radius: .4rem; word-break: break-all; user-select: all; }
`;

/**
 * A complete page: no scripts or styles from elsewhere, readable without JavaScript. `theme` is a style
 * sheet laid over the layout's (a campaign's colours, `brandStyle`); its hash must be in the page's CSP.
 */
export function page(title: string, body: string, script = '', theme = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
${theme ? `<style>${theme}</style>\n` : ''}</head>
<body>
<main>
${body}
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>`;
}

export function notFoundPage(message: string): string {
  return page('Link not found', `<h1>Link not found</h1><p>${escapeHtml(message)}</p>`);
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The Content-Security-Policy for pages built by `page`: only this layout's inline style (and a page's theme)
 * and the given inline scripts (by hash) may run; nothing loads from anywhere, forms post back here, and no
 * one may frame the page.
 */
export function contentSecurityPolicy(scripts: string[] = [], theme = ''): string {
  return [
    "default-src 'none'",
    `style-src ${[STYLE, ...(theme ? [theme] : [])].map(sha256).join(' ')}`,
    `script-src ${scripts.length ? scripts.map(sha256).join(' ') : "'none'"}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers for every HTML page: never cached, never framed, no sniffing, no referrer, the CSP above. */
export function htmlHeaders(scripts: string[] = []): Record<string, string> {
  return {
    'cache-control': 'no-store',
    'content-security-policy': contentSecurityPolicy(scripts),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
