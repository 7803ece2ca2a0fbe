import { z } from 'zod';
import {
  BRIDGE_EVENTS_PATH,
  BRIDGE_INVOKE_PATH,
  BRIDGE_TOKEN_FRAGMENT,
} from '../../../shared/ipc/bridge-protocol';
import { events, EXPORT_DOWNLOAD_PATH } from '../../../shared/ipc/contract';
import type { CommandOutput, EventPayload, ParcApi } from '../../../shared/ipc/contract';
import type { ExportDownload, RendererApi } from './renderer-api';
import { fail, IpcError, ok } from '../../../shared/ipc/result';

/** The part of `EventSource` the client uses (so tests can pass a fake). */
export type EventSourceLike = {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
};

/** What the bridge client needs from the browser; defaults are the real `fetch` and `EventSource`. */
export type BridgeClientDeps = {
  token: string;
  /** Origin of the bridge; '' means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
};

const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: IpcError }),
]);

/**
 * Reads the bridge token from a location fragment such as `#token=abc`.
 * @returns the token, or null when the fragment has none.
 */
export function readBridgeToken(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get(BRIDGE_TOKEN_FRAGMENT);
  return token ? token : null;
}

/**
 * A `ParcApi` over the loopback bridge (see shared/ipc/bridge-protocol.ts): commands are
 * `POST /api/invoke/<channel>` with a bearer token, events come from one Server-Sent Events
 * stream opened on the first `on` and closed when the last listener leaves. Event payloads are
 * checked against the contract; command answers were checked by the bridge's handlers
 * (electron/ipc/handlers.ts parses each output against the contract before sending it), so, as
 * over Electron's IPC, only their envelope is checked here: a 5,000-device list is not parsed
 * twice. Transport problems become `failed` results.
 * Exports are downloads (`exportDownloadUrl`): the desktop's `export:save` needs a save dialog.
 */
export function createBridgeClient(
  deps: BridgeClientDeps,
): RendererApi & { exportDownloadUrl: ExportDownload } {
  const baseUrl = deps.baseUrl ?? '';
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const createEventSource = deps.createEventSource ?? ((url: string) => new EventSource(url));
  let source: EventSourceLike | null = null;
  let listenerCount = 0;

  const invoke: ParcApi['invoke'] = async (channel, input) => {
    type Output = CommandOutput<typeof channel>;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${BRIDGE_INVOKE_PATH}${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${deps.token}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      return fail('failed', `Bridge unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) return fail('failed', `Bridge answered HTTP ${response.status} for ${channel}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return fail('failed', `Bridge answered invalid JSON for ${channel}`);
    }
    const envelope = Envelope.safeParse(body);
    if (!envelope.success) return fail('failed', `Bridge answered an unexpected shape for ${channel}`);
    if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
    return ok(envelope.data.value as Output);
  };

  const on: ParcApi['on'] = (event, listener) => {
    type Payload = EventPayload<typeof event>;
    if (!source) {
      const query = new URLSearchParams({ token: deps.token });
      source = createEventSource(`${baseUrl}${BRIDGE_EVENTS_PATH}?${query.toString()}`);
    }
    const current = source;
    const handler = (message: MessageEvent) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return; // a malformed message is dropped, like any payload that breaks the contract
      }
      const payload = events[event].safeParse(data);
      if (payload.success) listener(payload.data as Payload);
    };
    current.addEventListener(event, handler);
    listenerCount += 1;
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      current.removeEventListener(event, handler);
      listenerCount -= 1;
      if (listenerCount === 0 && source === current) {
        current.close();
        source = null;
      }
    };
  };

  /** `GET /api/export?format=…&type=…&token=…`: a download link cannot send a header. */
  const exportDownloadUrl: ExportDownload = ({ format, types = [] }) => {
    const query = new URLSearchParams({ format });
    for (const type of types) query.append('type', type);
    query.set('token', deps.token);
    return `${baseUrl}${EXPORT_DOWNLOAD_PATH}?${query.toString()}`;
  };

  return { invoke, on, exportDownloadUrl };
}
