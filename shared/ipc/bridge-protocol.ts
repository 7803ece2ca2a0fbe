import type { ExportFormat } from '../domain/export';

/**
 * The loopback bridge (`parc ui`) carries the IPC contract over HTTP on 127.0.0.1:
 * - `POST ${BRIDGE_INVOKE_PATH}<channel>` with header `Authorization: Bearer <token>` and the
 *   command input as JSON body; the answer is the command's `Result` as JSON (status 200), or
 *   401 without the right token, 404 for an unknown channel.
 * - `GET ${BRIDGE_EVENTS_PATH}?token=<token>`: a Server-Sent Events stream; each message has
 *   `event: <event channel>` and `data: <payload as JSON>`.
 * The page is opened as `http://127.0.0.1:<port>/#token=<token>`: the token stays in the
 * fragment, which browsers never send to the server.
 */
export const BRIDGE_INVOKE_PATH = '/api/invoke/';
export const BRIDGE_EVENTS_PATH = '/api/events';
export const BRIDGE_TOKEN_FRAGMENT = 'token';

/**
 * The bridge's download of an export (browser mode, `parc ui`):
 * `GET ${EXPORT_DOWNLOAD_PATH}?format=csv|xlsx|json&type=<type>…&token=<token>`; the answer is
 * the file (`Content-Disposition: attachment`). GLPI and split CSV are folders: not offered
 * there (a zip would need a dependency), the desktop app and `parc export` write them.
 */
export const EXPORT_DOWNLOAD_PATH = '/api/export';
/** The formats the browser download serves (one file each). */
export const DOWNLOAD_FORMATS = ['csv', 'xlsx', 'json'] as const satisfies readonly ExportFormat[];

/** Largest rooms sheet `import:plan` accepts, in bytes (decoded): keeps the bridge body under 1 MB. */
export const MAX_IMPORT_BYTES = 700 * 1024;
