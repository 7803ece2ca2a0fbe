/**
 * `GET /api/export?format=csv|xlsx|json&type=…` of the loopback bridge (browser mode): the
 * export is written by `engine.exports.write` into a private temporary folder, streamed as an
 * attachment (`parc-inventaire-YYYY-MM-DD.csv`), then the folder is removed. GLPI and split CSV
 * are folders of files: a zip would need a dependency, so they are refused here (the desktop
 * app and `parc export` write them). The caller has checked the token, Host and Origin.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DeviceType } from '../../shared/domain/device';
import { DOWNLOAD_FORMATS } from '../../shared/ipc/bridge-protocol';
import { fail, type Result } from '../../shared/ipc/result';
import type { Engine } from '../engine/types';
import { exportFileName } from '../ipc/export-names';
import { toFailure, type HandlerLogger } from '../ipc/handlers';

const CONTENT_TYPES: Readonly<Record<(typeof DOWNLOAD_FORMATS)[number], string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

const Query = z.object({
  format: z.enum(DOWNLOAD_FORMATS),
  types: z.array(DeviceType).max(DeviceType.options.length),
});

export interface DownloadContext {
  engine: Engine;
  headers: Readonly<Record<string, string>>;
  logger: HandlerLogger;
  now?: () => Date;
  sendJson: (response: ServerResponse, status: number, value: Result<never>) => void;
}

/** Serves one export download; answers 400 (JSON `Result`) for a bad or folder format, 405 for another method. */
export async function serveExportDownload(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: DownloadContext,
): Promise<void> {
  if (request.method !== 'GET') {
    response.writeHead(405, {
      ...context.headers,
      Allow: 'GET',
      'Content-Type': 'text/plain; charset=utf-8',
    });
    response.end('Method not allowed');
    return;
  }
  const format = url.searchParams.get('format');
  if (format === 'glpi' || url.searchParams.get('split') === 'true') {
    return context.sendJson(
      response,
      400,
      fail(
        'invalid-input',
        'GLPI and split CSV exports are folders: use the desktop app or `parc export` (a zip would need a dependency).',
      ),
    );
  }
  const types = url.searchParams
    .getAll('type')
    .flatMap((value) => value.split(','))
    .filter(Boolean);
  const query = Query.safeParse({ format, types });
  if (!query.success) {
    return context.sendJson(response, 400, toFailure('export download', query.error, context.logger));
  }

  const folder = await mkdtemp(join(tmpdir(), 'parc-export-'));
  const cleanup = () => rm(folder, { recursive: true, force: true }).catch(() => undefined);
  try {
    const name = exportFileName(query.data.format, context.now?.() ?? new Date());
    const path = join(folder, name);
    const options = query.data.types.length > 0 ? { types: query.data.types } : {};
    const result = await context.engine.exports.write(query.data.format, path, options);
    const { size } = await stat(path);
    response.writeHead(200, {
      ...context.headers,
      'Content-Type': CONTENT_TYPES[query.data.format],
      'Content-Length': size,
      // The name is ours (ASCII, no quote): no encoding needed.
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Parc-Devices': String(result.devices),
    });
    const stream = createReadStream(path);
    await new Promise<void>((resolve) => {
      stream.once('error', (error) => {
        context.logger.error('[bridge] export download failed', error.message);
        response.destroy();
        resolve();
      });
      response.once('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(response);
    });
  } catch (error) {
    await cleanup();
    if (response.headersSent) response.destroy();
    else {
      const failure = toFailure('export download', error, context.logger);
      context.sendJson(response, !failure.ok && failure.error.code === 'invalid-input' ? 400 : 500, failure);
    }
  } finally {
    await cleanup();
  }
}
