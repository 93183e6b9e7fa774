/**
 * Just enough of Electron's main-process objects to watch what our modules do to them. Each fake
 * records the handlers it is given so that a test can call them as Electron would.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  mainFrame = { url: 'app://parterre/index.html' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  print = vi.fn();
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 parterre'));
  isDestroyed = () => false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeSession {
  headersListener: ((details: { responseHeaders?: Record<string, string[]> }, callback: (r: unknown) => void) => void) | null =
    null;
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
    null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  webRequest = {
    onHeadersReceived: (listener: FakeSession['headersListener']) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
}

/** A navigation-like event whose refusal the test can see. */
export function fakeEvent() {
  return { preventDefault: vi.fn() };
}
