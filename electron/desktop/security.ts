/**
 * The window's locks, all in one place so that one test can check each of them: an isolated,
 * sandboxed renderer without Node, a CSP on every response, no navigation away from the app, no
 * new windows, no permission (camera, notifications, geolocation...) ever granted. Every web
 * contents the app ever creates gets the same locks (`app.on('web-contents-created')` in main.ts).
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../csp.js';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** The session adds the CSP header to every response and refuses every permission request and check. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The window shows the app and nothing else: no link, redirect or script can take it or one of
 * its frames elsewhere (`will-frame-navigate` covers frames, `will-navigate` the main frame alone
 * on older runtimes), and no new window opens. The renderer routes by fragment, which navigates
 * nothing.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
