import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp.js';
import { hardenSession, hardenWebContents, secureWebPreferences } from '../../../electron/desktop/security.js';
import { FakeSession, FakeWebContents, fakeEvent } from './fake-electron.js';

describe('window security', () => {
  it('gives the window an isolated, sandboxed renderer without Node', () => {
    const prefs = secureWebPreferences('/app/dist-electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('refuses navigation of the window and of its frames, redirects, webviews and new windows', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    for (const name of ['will-frame-navigate', 'will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      contents.emit(name, event, 'https://example.com/');
      expect(event.preventDefault, name).toHaveBeenCalledOnce();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('adds the CSP header to every response, keeping the others', () => {
    const session = new FakeSession();
    hardenSession(session as never);
    let answer: { responseHeaders: Record<string, string[]> } | undefined;
    session.headersListener!({ responseHeaders: { 'X-Autre': ['1'] } }, (r) => (answer = r as typeof answer));
    expect(answer!.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(answer!.responseHeaders['X-Autre']).toEqual(['1']);
  });

  it('denies every permission request and check', () => {
    const session = new FakeSession();
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const granted: boolean[] = [];
      session.permissionRequestHandler!({}, permission, (value) => granted.push(value));
      expect(granted, permission).toEqual([false]);
      expect(session.permissionCheckHandler!({}, permission, 'file://', {}), permission).toBe(false);
    }
  });

  it('lets the page reach no network: every fetch-like source is limited to the app itself', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
  });
});
