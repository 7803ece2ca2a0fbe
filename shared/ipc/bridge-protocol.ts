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
