/**
 * `npm start` in browser mode opens the default browser on the address, with the command of each
 * platform, and never fails when there is none; the tests' switch turns it off.
 */
import { describe, expect, it } from 'vitest';
import { browserOpenCommand, openInBrowser, parseStartArgs, type Spawner } from '../../../electron/desktop/runtime.js';

const URL = 'http://127.0.0.1:41234/#token=AbC-_123';

/** A spawn that records its calls; `fail` makes it throw, `errorLater` emits 'error' like a missing program. */
function fakeSpawn(mode: 'ok' | 'fail' | 'errorLater' = 'ok') {
  const calls: { command: string; args: string[]; options: object; unref: boolean }[] = [];
  const spawn: Spawner = (command, args, options) => {
    if (mode === 'fail') throw new Error('spawn EACCES');
    const call = { command, args, options, unref: false };
    calls.push(call);
    return {
      on(_event, listener) {
        if (mode === 'errorLater') queueMicrotask(() => listener(new Error('spawn xdg-open ENOENT')));
      },
      unref() {
        call.unref = true;
      },
    };
  };
  return { spawn, calls };
}

describe('opening the browser', () => {
  it('uses xdg-open on Linux, open on macOS, cmd start on Windows, the whole address each time', () => {
    expect(browserOpenCommand('linux', URL)).toEqual({ command: 'xdg-open', args: [URL] });
    expect(browserOpenCommand('freebsd', URL)).toEqual({ command: 'xdg-open', args: [URL] });
    expect(browserOpenCommand('darwin', URL)).toEqual({ command: 'open', args: [URL] });
    expect(browserOpenCommand('win32', URL)).toEqual({
      command: 'cmd',
      args: ['/d', '/s', '/c', `start "" "${URL}"`],
      windowsVerbatimArguments: true,
    });
  });

  it('starts the opener detached, with its output ignored, and lets the process exit without it', () => {
    const { spawn, calls } = fakeSpawn();
    expect(openInBrowser(URL, { platform: 'linux', env: {}, spawn })).toBe(true);
    expect(calls).toEqual([{ command: 'xdg-open', args: [URL], options: { detached: true, stdio: 'ignore' }, unref: true }]);

    const windows = fakeSpawn();
    openInBrowser(URL, { platform: 'win32', env: {}, spawn: windows.spawn });
    expect(windows.calls[0].options).toEqual({ detached: true, stdio: 'ignore', windowsVerbatimArguments: true });
  });

  it('never fails: a spawn that throws or a missing opener leaves the printed address', async () => {
    expect(openInBrowser(URL, { platform: 'linux', env: {}, spawn: fakeSpawn('fail').spawn })).toBe(false);
    const missing = fakeSpawn('errorLater');
    expect(openInBrowser(URL, { platform: 'linux', env: {}, spawn: missing.spawn })).toBe(true);
    await new Promise((resolve) => setImmediate(resolve)); // the 'error' event is handled, not thrown
  });

  it('opens nothing with PARTERRE_NO_OPEN=1 or --no-open', () => {
    const { spawn, calls } = fakeSpawn();
    expect(openInBrowser(URL, { platform: 'linux', env: { PARTERRE_NO_OPEN: '1' }, spawn })).toBe(false);
    expect(openInBrowser(URL, { platform: 'darwin', env: {}, spawn, noOpen: true })).toBe(false);
    expect(calls).toEqual([]);
    expect(parseStartArgs(['--no-open', '--port', '8123'])).toEqual({ noOpen: true, port: 8123 });
    expect(() => parseStartArgs(['--no-open=yes'])).toThrow(/Option inconnue/);
  });
});
