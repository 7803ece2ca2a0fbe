import {
  BRIDGE_EVENTS_PATH,
  BRIDGE_INVOKE_PATH,
  BRIDGE_TOKEN_FRAGMENT,
  EXPORT_DOWNLOAD_PATH,
} from '../../../shared/ipc/bridge-protocol';
import type { CommandOutput, EventPayload, ParcApi } from '../../../shared/ipc/contract';
import type { ExportDownload, RendererApi } from './renderer-api';
import type { IpcError, Result } from '../../../shared/ipc/result';

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

const isIpcError = (error: unknown): error is IpcError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as IpcError).code === 'string' &&
  typeof (error as IpcError).message === 'string';

/** A transport problem as a `failed` result (what `fail('failed', message)` of result.ts builds). */
const failed = (message: string): Result<never> => ({ ok: false, error: { code: 'failed', message } });

/**
 * A bridge answer as the `Result` it carries (`{ ok: true, value }` or `{ ok: false, error }` with
 * a code and a message), or null when it is not one. Checked by hand, and `failed` above is not
 * result.ts's `fail`: the renderer builds no zod schema at startup (building the contract's took
 * about a third of the page's script time).
 */
function readEnvelope(body: unknown): Result<unknown> | null {
  if (typeof body !== 'object' || body === null) return null;
  const envelope = body as { ok?: unknown; value?: unknown; error?: unknown };
  if (envelope.ok === true && 'value' in envelope) return { ok: true, value: envelope.value };
  if (envelope.ok === false && isIpcError(envelope.error)) return { ok: false, error: envelope.error };
  return null;
}

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
 * stream opened on the first `on` and closed when the last listener leaves. Command answers and
 * events were checked by the bridge's handlers (electron/ipc/handlers.ts parses each output and
 * each event payload against the contract before sending it), so, as over Electron's IPC, only
 * the envelope of an answer is checked here (a 5,000-device list is not parsed twice), and an
 * event that is not JSON is dropped. Transport problems become `failed` results.
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
      return failed(`Bridge unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) return failed(`Bridge answered HTTP ${response.status} for ${channel}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failed(`Bridge answered invalid JSON for ${channel}`);
    }
    const result = readEnvelope(body);
    if (!result) return failed(`Bridge answered an unexpected shape for ${channel}`);
    return result as Result<Output>;
  };

  const on: ParcApi['on'] = (event, listener) => {
    type Payload = EventPayload<typeof event>;
    if (!source) {
      const query = new URLSearchParams({ token: deps.token });
      source = createEventSource(`${baseUrl}${BRIDGE_EVENTS_PATH}?${query.toString()}`);
    }
    const current = source;
    const handler = (message: MessageEvent) => {
      let payload: Payload;
      try {
        payload = JSON.parse(String(message.data)) as Payload;
      } catch {
        return; // a malformed message is dropped
      }
      listener(payload);
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
