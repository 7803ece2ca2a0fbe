/**
 * The SMB check of a file server: TCP connect and a real SMB2 NEGOTIATE (our own small
 * encoder/decoder, `smb-negotiate.ts`), then, with a share, a directory listing through Samba's
 * `smbclient`. Why not an npm client: `@marsaud/smb2` and `@awo00/smb2` (and the `smb2` they
 * fork from) authenticate with NTLMv1 only (24-byte responses), which Samba ≥ 4.5 refuses by
 * default (`ntlm auth = ntlmv2-only`): both got NT_STATUS_LOGON_FAILURE with the right password
 * against Samba 4.17, and `@marsaud/smb2` also needs OpenSSL's legacy provider for DES.
 * The password goes to smbclient in an authentication file (mode 0600, in a private temporary
 * folder, removed at once), never on a command line, and never appears in a returned text.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SmbCheck } from '../../../shared/domain/server';
import { encodeNegotiateRequest, frameLength, parseNegotiateResponse } from './smb-negotiate';

/** Options of `checkSmb`. Times in milliseconds. */
export interface SmbCheckOptions {
  /** TCP port (445). */
  port: number;
  /** Share to list (e.g. `pedago`), or null to check the negotiate only. */
  share: string | null;
  /** `user` or `DOMAIN\user`, or null for a guest listing. */
  user: string | null;
  password: string | null;
  /** Bound on the negotiate, and separately on the listing. */
  timeoutMs: number;
  /** smbclient's path (default `smbclient` from PATH). */
  smbclientPath?: string;
}

/** Largest NEGOTIATE answer accepted (real ones are under 1 KiB; a security blob may add some). */
const MAX_ANSWER = 64 * 1024;

/**
 * Connects to `host:port` and exchanges an SMB2 NEGOTIATE.
 * @returns the dialect the server chose, or why none: refused, timed out, closed, not SMB. Never throws.
 */
export function negotiateSmb2(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<{ ok: true; dialect: string } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    let settled = false;
    const socket = connect({ host, port });
    const finish = (result: { ok: true; dialect: string } | { ok: false; error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, error: `no SMB answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    socket.on('connect', () => socket.write(encodeNegotiateRequest()));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const need = frameLength(received);
      if (need !== null && need > 4 + MAX_ANSWER) return finish({ ok: false, error: 'answer too large' });
      if (need === null || received.length < need) return;
      const parsed = parseNegotiateResponse(received);
      finish(parsed.ok ? { ok: true, dialect: parsed.dialect } : parsed);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const words: Record<string, string> = {
        ECONNREFUSED: 'connection refused',
        EHOSTUNREACH: 'host unreachable',
        ENETUNREACH: 'network unreachable',
        ECONNRESET: 'connection reset',
        ENOTFOUND: 'unknown host',
      };
      finish({ ok: false, error: words[error.code ?? ''] ?? `connection failed (${error.code ?? 'error'})` });
    });
    socket.on('close', () => finish({ ok: false, error: 'connection closed without an SMB answer' }));
  });
}

/** NT status codes smbclient prints → words for the referent. */
const NT_STATUS_WORDS: Readonly<Record<string, string>> = {
  NT_STATUS_LOGON_FAILURE: 'wrong account or password',
  NT_STATUS_ACCOUNT_DISABLED: 'account disabled',
  NT_STATUS_ACCOUNT_LOCKED_OUT: 'account locked out',
  NT_STATUS_PASSWORD_EXPIRED: 'password expired',
  NT_STATUS_ACCESS_DENIED: 'access denied to the share',
  NT_STATUS_BAD_NETWORK_NAME: 'no such share',
  NT_STATUS_CONNECTION_REFUSED: 'connection refused',
  NT_STATUS_IO_TIMEOUT: 'timed out',
  NT_STATUS_HOST_UNREACHABLE: 'host unreachable',
  NT_STATUS_CONNECTION_DISCONNECTED: 'connection dropped',
  NT_STATUS_CONNECTION_RESET: 'connection reset',
  NT_STATUS_NOT_SUPPORTED: 'authentication method not supported',
};

/** One line of `smbclient -c ls`: two spaces, name, attributes, size, date. */
const LS_LINE = /^ {2}(.+?)\s+([A-Z]*)\s+(\d+)\s+\w{3} \w{3}\s+\d+ \d\d:\d\d:\d\d \d{4}$/;

/**
 * Counts the entries (without `.` and `..`) of `smbclient -c ls` output.
 * @returns the count, or null when no listing line is found (not a listing).
 */
export function countListing(output: string): number | null {
  let lines = 0;
  let entries = 0;
  for (const line of output.split('\n')) {
    const m = LS_LINE.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    lines++;
    if (m[1] !== '.' && m[1] !== '..') entries++;
  }
  return lines ? entries : null;
}

/** Why smbclient failed, in words, with any occurrence of the secret removed. */
export function describeSmbclientFailure(output: string, secret: string | null): string {
  const status = /NT_STATUS_[A-Z_]+/.exec(output)?.[0];
  if (status) return `${NT_STATUS_WORDS[status] ?? 'listing failed'} (${status})`;
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return line ? redact(line, secret).slice(0, 300) : 'listing failed';
}

function redact(text: string, secret: string | null): string {
  return secret ? text.split(secret).join('***') : text;
}

/** A share name smbclient can take as is (no separators, no control characters). */
function validShare(share: string): boolean {
  // eslint-disable-next-line no-control-regex
  return share.length > 0 && share.length <= 80 && !/[\\/\u0000-\u001f]/.test(share);
}

/** A host as IPv4, IPv6 or DNS name, nothing that smbclient could read as an option or a path. */
function validHost(host: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9.:-]{0,253}$/.test(host);
}

/**
 * Lists the top of `//host/share` with `smbclient -c ls`, the account in a 0600 file.
 * @returns ok and entry count, or the reason (never the password); `ms` is the wall time. Never throws.
 */
export async function listShare(
  host: string,
  share: string,
  options: Omit<SmbCheckOptions, 'share'>,
): Promise<NonNullable<SmbCheck['listing']>> {
  const started = Date.now();
  const fail = (error: string) => ({ ok: false, ms: Date.now() - started, entries: null, error });
  if (!validShare(share)) return fail('invalid share name');
  if (!validHost(host)) return fail('invalid host');
  const dir = await mkdtemp(join(tmpdir(), 'parc-smb-'));
  try {
    const args = [`//${host}/${share}`, '-p', String(options.port), '-s', '/dev/null', '-c', 'ls'];
    if (options.user) {
      const [domain, user] = options.user.includes('\\') ? options.user.split('\\', 2) : [null, options.user];
      const lines = [`username = ${user}`, `password = ${options.password ?? ''}`];
      if (domain) lines.push(`domain = ${domain}`);
      const authFile = join(dir, 'auth');
      await writeFile(authFile, lines.join('\n') + '\n', { mode: 0o600 });
      args.push('-A', authFile);
    } else {
      args.push('-N');
    }
    const { code, output } = await new Promise<{ code: number | string | null; output: string }>(
      (resolve) => {
        execFile(
          options.smbclientPath ?? 'smbclient',
          args,
          {
            timeout: options.timeoutMs,
            killSignal: 'SIGKILL',
            maxBuffer: 4 * 1024 * 1024,
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
          },
          (error, stdout, stderr) => {
            const out = `${stdout}\n${stderr}`;
            if (!error) return resolve({ code: 0, output: out });
            const e = error as NodeJS.ErrnoException & { killed?: boolean };
            if (e.code === 'ENOENT') return resolve({ code: 'ENOENT', output: '' });
            resolve({ code: e.killed ? 'timeout' : (e.code ?? 1), output: out });
          },
        );
      },
    );
    if (code === 'ENOENT') return fail('smbclient is not installed (apt-get install smbclient)');
    if (code === 'timeout') return fail(`listing timed out after ${options.timeoutMs} ms`);
    const entries = countListing(output);
    if (code !== 0 || entries === null) return fail(describeSmbclientFailure(output, options.password));
    return { ok: true, ms: Date.now() - started, entries, error: null };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Checks a file server's SMB service: a real SMB2 NEGOTIATE on `host:port`, then, when a share
 * is given and the negotiate worked, a listing of the share's top folder with the account.
 * @returns `SmbCheck`: reachable and dialect, listing (ok, ms, entries, error) or null; texts
 *   never contain the password. Never throws.
 */
export async function checkSmb(host: string, options: SmbCheckOptions): Promise<SmbCheck> {
  const negotiated = await negotiateSmb2(host, options.port, options.timeoutMs);
  if (!negotiated.ok) {
    return {
      reachable: false,
      dialect: null,
      listing: options.share
        ? { ok: false, ms: 0, entries: null, error: 'not listed: SMB unreachable' }
        : null,
      error: negotiated.error,
    };
  }
  const listing = options.share ? await listShare(host, options.share, options) : null;
  return { reachable: true, dialect: negotiated.dialect, listing, error: null };
}
