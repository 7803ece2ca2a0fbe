import type { DeviceType } from '../../../shared/domain/device';
import type { ParcApi } from '../../../shared/ipc/contract';
import type { DOWNLOAD_FORMATS } from '../../../shared/ipc/bridge-protocol';

/** What a browser download of an export asks for (one file: csv, xlsx or json). */
export type ExportDownloadRequest = {
  format: (typeof DOWNLOAD_FORMATS)[number];
  types?: readonly DeviceType[];
};

/** Builds the address of an export download, token included. */
export type ExportDownload = (request: ExportDownloadRequest) => string;

/**
 * The API the renderer holds: the contract (`ParcApi`), plus, in browser mode only (the
 * loopback bridge), the address of export downloads. Without it the renderer is in the desktop
 * app and exports with `export:save` (main's save dialog).
 */
export type RendererApi = ParcApi & { readonly exportDownloadUrl?: ExportDownload };
