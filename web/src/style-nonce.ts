import { setNonce } from 'get-nonce';

/**
 * The nonce of this page's Content-Security-Policy: Vouch writes a fresh one into index.html's
 * `<meta property="csp-nonce">` for every response (src/http/routes/dashboard.ts). Only `<style>` elements
 * carrying it apply, so whatever writes one at run time gets it: Mantine through `getStyleNonce` (its CSS
 * variables and global classes), and the scroll lock of its modals (react-remove-scroll) through get-nonce.
 * The browser hides the attribute from scripts once the page is parsed; the `nonce` property keeps it.
 */
export const styleNonce: string | undefined =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

if (styleNonce) setNonce(styleNonce);
