/** app://parterre/: the window's pages, from the built renderer folder only, each with the CSP. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp.js';
import { answerAppRequest, APP_URL, handleAppProtocol, registerAppScheme } from '../../../electron/desktop/app-protocol.js';
import { tempDir } from '../../helpers/temp-db.js';

const root = tempDir('parterre-protocol-');
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Parterre</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'SECRET');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('is declared standard and secure, with fetch', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the page and its assets with their type and the app’s CSP', async () => {
    const page = await answerAppRequest(rendererDir, APP_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html><title>Parterre</title>');
    const script = await answerAppRequest(rendererDir, 'app://parterre/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    // A route of the app (no extension) is the page itself.
    expect(await (await answerAppRequest(rendererDir, 'app://parterre/clients')).text()).toContain('Parterre');
  });

  it('serves nothing outside the renderer folder, nor for another host or scheme', async () => {
    for (const url of [
      'app://parterre/../secret.txt',
      'app://parterre/%2e%2e/secret.txt',
      'app://parterre/..%2fsecret.txt',
      'app://parterre/assets/..%5c..%5csecret.txt',
      'app://autre/index.html',
      'file:///etc/passwd',
      'app://parterre/nope.js',
      'app://parterre/%00.html',
    ]) {
      const response = await answerAppRequest(rendererDir, url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('SECRET');
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await answerAppRequest(rendererDir, APP_URL, 'POST')).status).toBe(405);
  });

  it('is handled through protocol.handle for the app scheme', async () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol(protocol, rendererDir);
    const [scheme, handler] = protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await handler(new Request(APP_URL))).status).toBe(200);
  });
});
