/**
 * When a request's headers actually leave for the server. undici writes a request when its connection
 * is ready, which can be well after `request()` was called when the event loop is busy; politeness
 * counts the interval from this moment, so two requests never reach a host closer than it allows.
 * Listens on undici's `undici:client:sendHeaders` diagnostics channel.
 */
import { subscribe } from 'node:diagnostics_channel';

const waiting = new Map<string, Array<() => void>>();
let subscribed = false;

function onSendHeaders(message: unknown): void {
  const request = (message as { request?: { origin?: unknown; path?: unknown } }).request;
  const key = `${String(request?.origin)}${String(request?.path)}`;
  const queue = waiting.get(key);
  const callback = queue?.shift();
  if (queue && queue.length === 0) waiting.delete(key);
  callback?.();
}

/** Calls `callback` once, when the headers of the next request for `url` are written. Returns a cancel. */
export function onSent(url: string, callback: () => void): () => void {
  if (!subscribed) {
    subscribe('undici:client:sendHeaders', onSendHeaders);
    subscribed = true;
  }
  const u = new URL(url);
  const key = `${u.origin}${u.pathname}${u.search}`;
  const queue = waiting.get(key) ?? [];
  queue.push(callback);
  waiting.set(key, queue);
  return () => {
    const i = queue.indexOf(callback);
    if (i >= 0) queue.splice(i, 1);
    if (queue.length === 0 && waiting.get(key) === queue) waiting.delete(key);
  };
}
