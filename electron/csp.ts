/**
 * The one Content-Security-Policy of the app window and of browser mode: everything comes from the
 * app itself, nothing from the network. Inline styles are allowed because React and Chart.js set
 * `style` attributes; inline scripts are not. The renderer's index.html carries the same policy in
 * a meta tag, so that the page is protected even where no header is set.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
