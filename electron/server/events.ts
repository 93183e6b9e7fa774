/**
 * Engine events to the browser as server-sent events (EventSource cannot send an Authorization
 * header, hence the token in the query of /events): one `data: <EngineEvent JSON>` per event.
 */
import type { ServerResponse } from 'node:http';
import type { EngineEvent } from '../../shared/contract.js';

/** A comment line now and then keeps idle proxies and the browser from dropping the stream. */
const KEEP_ALIVE_MS = 25_000;

export function formatServerSentEvent(event: EngineEvent): string {
  // JSON.stringify escapes newlines inside strings, so one event is always one data line.
  return `data: ${JSON.stringify(event)}\n\n`;
}

/** Opens the stream on `response` and relays every event until the client goes away; returns the stop function. */
export function relayEvents(
  subscribe: (listener: (event: EngineEvent) => void) => () => void,
  response: ServerResponse,
  headers: Record<string, string>,
): () => void {
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': connecté\n\n');
  const unsubscribe = subscribe((event) => response.write(formatServerSentEvent(event)));
  const keepAlive = setInterval(() => response.write(': \n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const stop = () => {
    clearInterval(keepAlive);
    unsubscribe();
  };
  response.on('close', stop);
  return () => {
    stop();
    response.end();
  };
}
