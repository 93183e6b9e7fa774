/**
 * The renderer's one door to the engine. Two transports speak the same contract:
 * - Electron: the preload's `window.parterre.invoke` / `.on`;
 * - browser mode: `POST /rpc` with the per-start token, events over `/events` (server-sent events).
 * The transport is chosen once, at start. Calls resolve to `{ok, value}` or `{ok: false, error}`
 * and never throw: a dead engine or a lost connection becomes a readable French error.
 */
import type { CallError, CallInput, CallName, CallOutput, CallResult, EngineEvent } from '../shared/contract.js';

/** Engine events (import progress) and, in Electron, the native menu's. */
export type AppEvent = EngineEvent;

export interface UploadedFile {
  path: string;
  name: string;
  sizeBytes: number;
}

interface ElectronBridge {
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  on(listener: (event: AppEvent) => void): () => void;
}

declare global {
  interface Window {
    parterre?: ElectronBridge;
  }
}

interface Transport {
  kind: 'electron' | 'browser';
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  on(listener: (event: AppEvent) => void): () => void;
}

const TOKEN_KEY = 'parterre.token';

const unreachable = (detail: string): CallResult<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: `Le moteur de Parterre ne répond pas (${detail}). Relancez l'application.` },
});

/** The server answers `{ok, value}` or `{ok: false, error}` even on a refusal (401, 413…). */
async function readResult(response: Response): Promise<CallResult<unknown>> {
  const body = (await response.json().catch(() => null)) as CallResult<unknown> | null;
  if (body && typeof body === 'object' && typeof body.ok === 'boolean') return body;
  return unreachable(`HTTP ${response.status}`);
}

/** Reads `#token=…` once, keeps it for reloads of this tab, and wipes it from the address bar. */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function electronTransport(bridge: ElectronBridge): Transport {
  return {
    kind: 'electron',
    invoke: async (name, input) => {
      try {
        return await bridge.invoke(name, input);
      } catch (error) {
        return unreachable(error instanceof Error ? error.message : String(error));
      }
    },
    on: (listener) => bridge.on(listener),
  };
}

function browserTransport(token: string | null): Transport {
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source || !token) return;
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      try {
        const event = JSON.parse(message.data as string) as AppEvent;
        for (const listener of listeners) listener(event);
      } catch {
        // A keep-alive or a malformed frame: nothing to tell the user.
      }
    };
  };
  return {
    kind: 'browser',
    invoke: async (name, input) => {
      if (!token) return { ok: false, error: { code: 'UNAUTHORIZED', message: "Lien d'accès incomplet : rouvrez Parterre depuis l'adresse affichée au démarrage." } };
      try {
        const response = await fetch('/rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ name, input }),
        });
        return await readResult(response);
      } catch (error) {
        return unreachable(error instanceof Error ? error.message : String(error));
      }
    },
    on: (listener) => {
      listeners.add(listener);
      connect();
      return () => listeners.delete(listener);
    },
  };
}

const transport: Transport = window.parterre ? electronTransport(window.parterre) : browserTransport(takeToken());
const token = transport.kind === 'browser' ? sessionStorage.getItem(TOKEN_KEY) : null;

export const transportKind = transport.kind;

/** Calls the engine; typed end to end from shared/contract.ts. */
export function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<CallOutput<N>>> {
  return transport.invoke(name, input) as Promise<CallResult<CallOutput<N>>>;
}

/** Listens to engine (and, in Electron, menu) events; returns the unsubscribe function. */
export function onEvent(listener: (event: AppEvent) => void): () => void {
  return transport.on(listener);
}

/** Electron only: the native "open files" dialog. Empty when cancelled. */
export async function chooseFilesNatively(): Promise<CallResult<string[]>> {
  const result = await transport.invoke('dialog.openFiles', {});
  if (!result.ok) return result;
  return { ok: true, value: (result.value as { paths: string[] }).paths };
}

/** Gives the engine a path for a file the user picked or dropped. */
export async function fileToPath(file: File): Promise<CallResult<UploadedFile>> {
  if (transport.kind === 'electron') {
    // Electron ≥ 32 hides File.path: the preload answers this call with webUtils.getPathForFile.
    const result = await transport.invoke('dialog.pathOfDroppedFile', { file });
    const path = result.ok ? (result.value as { path: string }).path : '';
    if (path) return { ok: true, value: { path, name: file.name, sizeBytes: file.size } };
    return { ok: false, error: { code: 'BAD_FILE', message: `Chemin du fichier « ${file.name} » introuvable : utilisez le bouton « Choisir des fichiers ».` } };
  }
  try {
    const response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token ?? ''}`, 'Content-Type': 'application/octet-stream' },
      body: file,
    });
    return (await readResult(response)) as CallResult<UploadedFile>;
  } catch (error) {
    return unreachable(error instanceof Error ? error.message : String(error));
  }
}

export type { CallError };
