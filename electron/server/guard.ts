/**
 * Who may talk to the browser-mode server: requests addressed to our own host name and port (a
 * DNS-rebinding page has another Host), and, for calls, the per-start token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares in constant time, whatever the lengths (both sides are hashed to 32 bytes first). */
export function sameToken(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match ? match[1] : null;
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** A request from a page of another origin (with an Origin header that is not ours) is refused. */
export function isOwnRequest(request: IncomingMessage, port: number): boolean {
  const hosts = allowedHosts(port);
  const host = request.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return [...hosts].some((allowed) => origin.toLowerCase() === `http://${allowed}`);
}
