/**
 * `parc server add|list|remove|poll|status` (issue 5): the watched file servers from a terminal.
 * The SMB password comes from `PARC_SMB_PASSWORD`, never from the command line; `list` and
 * `status` only say whether one is set. `status --json` prints `{servers: [ServerStatus…]}`.
 */
import type { Command, Option } from 'commander';
import type { ServerConfig, ServerStatus } from '../../shared/domain/server';
import type { Engine } from '../engine/types';
import { InputError } from '../engine/errors';
import { printable } from './format';
import type { CliIo } from './run';

export interface ServerCommandsContext {
  io: CliIo;
  openEngine: (db?: string, options?: { mustExist?: boolean }) => Engine;
  dbOption: () => Option;
}

/** `--db` given before or after the subcommand (`parc server --db F list` or `… list --db F`). */
const dbOf = (command: Command): string | undefined => (command.optsWithGlobals() as { db?: string }).db;

/** A whole-number argument or option within [min, max]. */
const int = (name: string, min: number, max: number) => (value: string) => {
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new InputError(`${name} takes a whole number from ${min} to ${max}.`);
  return n;
};
const serverId = int('ID', 1, 999_999_999);
const collect = (value: string, previous: string[] = []) => [...previous, value];

const STATE_WORDS: Record<ServerStatus['state'], string> = {
  ok: 'vert / ok',
  warning: 'orange / warning',
  critical: 'rouge / critical',
  unknown: 'inconnu / unknown',
};

/** Bytes in binary units, e.g. `1.8 TiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** `parc server list`: one line per server. */
export function formatServerList(servers: readonly ServerConfig[]): string {
  if (servers.length === 0) return 'No file server watched: add one with parc server add --address A.\n';
  return (
    servers
      .map((s) => {
        const reach = [
          s.local ? 'local' : null,
          s.snmp ? `snmp:${s.snmpPort}` : null,
          `smb:${s.smbPort}${s.smbShare ? '/' + s.smbShare : ''}`,
          s.smbUser ? `user ${s.smbUser}${s.smbPasswordSet ? ' (password set)' : ''}` : null,
          s.services.length ? `services ${s.services.join(',')}` : null,
        ].filter(Boolean);
        return printable(`${s.id}  ${s.name}  ${s.address}  ${reach.join('  ')}`);
      })
      .join('\n') + '\n'
  );
}

/** `parc server status`: the state in words, then volumes, load, memory, SMB, services and alerts. */
export function formatServerStatus(statuses: readonly ServerStatus[]): string {
  if (statuses.length === 0) return 'No file server watched: add one with parc server add --address A.\n';
  const lines = statuses.flatMap((s) => [
    `${s.id}  ${s.name}  ${s.ip}  [${STATE_WORDS[s.state]}]  ${s.sampledAt ? 'read ' + s.sampledAt : 'never read'}`,
    ...s.volumes.map(
      (v) =>
        `    ${v.mount}: ${formatBytes(v.usedBytes)} / ${formatBytes(v.sizeBytes)} (${v.percent.toFixed(1)}%) [${v.state}]${
          v.fullInDays === null ? '' : `  full in ${v.fullInDays} days`
        }`,
    ),
    ...(s.load ? [`    load: ${s.load.load1} ${s.load.load5} ${s.load.load15}`] : []),
    ...(s.cpuPercent === null ? [] : [`    cpu: ${s.cpuPercent}%`]),
    ...(s.memory
      ? [`    memory: ${formatBytes(s.memory.availableBytes)} free of ${formatBytes(s.memory.totalBytes)}`]
      : []),
    ...(s.smb
      ? [
          `    smb: ${s.smb.reachable ? 'answers' : 'unreachable'}${s.smb.dialect ? ' (SMB ' + s.smb.dialect + ')' : ''}${
            s.smb.listMs === null ? '' : `, share listed in ${s.smb.listMs} ms`
          }${s.smb.error ? ', ' + s.smb.error : ''}`,
        ]
      : []),
    ...s.services.map((svc) => `    service ${svc.name}: ${svc.running ? 'running' : 'NOT RUNNING'}`),
    ...s.alerts.map(
      (a) => `    ALERT ${a.severity}: ${a.code}${a.subject ? ' ' + a.subject : ''} since ${a.startedAt}`,
    ),
    ...s.problems.map((p) => `    problem: ${p}`),
  ]);
  return lines.map(printable).join('\n') + '\n';
}

/** Adds the `server` command and its subcommands to `program`. */
export function registerServerCommands(
  program: Command,
  { io, openEngine, dbOption }: ServerCommandsContext,
): void {
  const server = program
    .command('server')
    .description('watch the file servers: volumes, load, memory, SMB, services, alerts and forecasts')
    .addOption(dbOption());

  server
    .command('add')
    .description('watch a file server (SMB password from PARC_SMB_PASSWORD)')
    .option('--address <address>', 'IPv4 address or host name (default: the device’s)')
    .option('--name <name>', 'a name for people (default: the device’s, else the address)')
    .option('--device <id>', 'the inventory device it is', int('--device', 1, 999_999_999))
    .option('--share <share>', 'the share to list, e.g. pedago')
    .option('--user <user>', 'read-only account for the listing (DOMAIN\\user or user)')
    .option('--local', 'Parc runs on this server: read disks, load and memory locally')
    .option('--no-snmp', 'do not read it over SNMP')
    .option('--snmp-port <n>', 'SNMP UDP port', int('--snmp-port', 1, 65535), 161)
    .option('--smb-port <n>', 'SMB TCP port', int('--smb-port', 1, 65535), 445)
    .option('--service <name>', 'a process that must run (repeatable; default smbd)', collect)
    .addOption(dbOption())
    .action((opts: Record<string, unknown>, command: Command) => {
      if (opts.address === undefined && opts.device === undefined)
        throw new InputError('give --address A or --device ID.');
      const password = (io.env ?? process.env).PARC_SMB_PASSWORD;
      const engine = openEngine(dbOf(command));
      try {
        const saved = engine.servers.save({
          address: opts.address as string | undefined,
          name: opts.name as string | undefined,
          deviceId: (opts.device as number | undefined) ?? null,
          smbShare: (opts.share as string | undefined) ?? null,
          smbUser: (opts.user as string | undefined) ?? null,
          local: Boolean(opts.local),
          snmp: opts.snmp !== false,
          snmpPort: opts.snmpPort as number,
          smbPort: opts.smbPort as number,
          services: opts.service as string[] | undefined,
          smbPassword: password === undefined || password === '' ? undefined : password,
        });
        io.stdout(formatServerList([saved]));
      } finally {
        engine.close();
      }
    });

  server
    .command('list')
    .description('list the watched file servers (never a password)')
    .option('--json', 'print JSON {servers: [...]}')
    .addOption(dbOption())
    .action((opts: { json?: boolean }, command: Command) => {
      const engine = openEngine(dbOf(command), { mustExist: true });
      try {
        const servers = engine.servers.list();
        io.stdout(opts.json ? JSON.stringify({ servers }, null, 2) + '\n' : formatServerList(servers));
      } finally {
        engine.close();
      }
    });

  server
    .command('remove')
    .description('stop watching a file server and forget its history')
    .argument('<id>', 'server id (see parc server list)')
    .addOption(dbOption())
    .action((id: string, _opts: unknown, command: Command) => {
      const serverNumber = serverId(id);
      const engine = openEngine(dbOf(command), { mustExist: true });
      try {
        engine.servers.remove(serverNumber);
        io.stderr(`server ${serverNumber} removed\n`);
      } finally {
        engine.close();
      }
    });

  server
    .command('poll')
    .description('collect now every watched server, or one')
    .argument('[id]', 'server id (default: all)')
    .addOption(dbOption())
    .action(async (id: string | undefined, _opts: unknown, command: Command) => {
      const serverNumber = id === undefined ? undefined : serverId(id);
      const engine = openEngine(dbOf(command), { mustExist: true });
      try {
        const result = await engine.servers.poll(serverNumber);
        for (const failure of result.failures)
          io.stderr(printable(`server ${failure.id} (${failure.name}): ${failure.error}`) + '\n');
        io.stderr(`poll: ${result.polled} servers read, ${result.failed} failed\n`);
        // Exit status 1 (runCli): nothing could be read.
        if (result.failed > 0 && result.polled === 0) throw new Error('no server could be read');
      } finally {
        engine.close();
      }
    });

  server
    .command('status')
    .description(
      'show each watched server: state, volumes with forecast, load, memory, SMB, services, alerts',
    )
    .argument('[id]', 'server id (default: all)')
    .option('--json', 'print JSON {servers: [...]}')
    .option('--poll', 'collect first')
    .addOption(dbOption())
    .action(async (id: string | undefined, opts: { json?: boolean; poll?: boolean }, command: Command) => {
      const serverNumber = id === undefined ? undefined : serverId(id);
      const engine = openEngine(dbOf(command), { mustExist: true });
      try {
        if (opts.poll) await engine.servers.poll(serverNumber);
        const servers =
          serverNumber === undefined ? engine.servers.statuses() : [engine.servers.status(serverNumber)];
        io.stdout(opts.json ? JSON.stringify({ servers }, null, 2) + '\n' : formatServerStatus(servers));
      } finally {
        engine.close();
      }
    });
}
