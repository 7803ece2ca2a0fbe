/**
 * « Surveiller un serveur », pure: the form's values, from an inventory device or a watched
 * server, checked field by field, and turned into a `servers:save` input (ServerSaveInput).
 */
import type { Device } from '../../../../shared/domain/device';
import type { ServerConfig, ServerSaveInput } from '../../../../shared/domain/server';

/** What the form holds, as typed. `deviceId` null: a server reached by `address`. */
export type ServerForm = {
  deviceId: number | null;
  address: string;
  name: string;
  snmp: boolean;
  smbShare: string;
  /** `DOMAINE\\compte` or `compte`. */
  smbUser: string;
  /** Write-only: empty keeps the stored one (see `clearPassword`). */
  smbPassword: string;
  /** Remove the stored password (sends an empty password). */
  clearPassword: boolean;
  local: boolean;
  /** Process names, separated by commas or spaces (`smbd, nmbd`). */
  services: string;
  /** Kept as they are (not in the form): the engine resets an absent port to 161 / 445. */
  snmpPort: number;
  smbPort: number;
};

/** The fields that can be refused, each with its own message (`servers.form.invalid.<field>`). */
export type ServerFormField = 'address' | 'name' | 'smbShare' | 'smbUser' | 'services';

/** The services watched by default: Samba's file service. */
export const DEFAULT_SERVICES = 'smbd';

/** As ServerSaveInput checks it: an IPv4 address or a host name. */
const ADDRESS = /^[A-Za-z0-9][A-Za-z0-9.:_-]*$/;
/** A process name as hrSWRunName gives it (`smbd`, `winbindd`, `LanmanServer`). */
const SERVICE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_SERVICES = 20;

/** The types of inventory device the screen offers to watch. */
export const WATCHABLE_TYPES: readonly Device['type'][] = ['server', 'nas'];

/** A device's name for people: host name, SNMP name, else its address. */
export function deviceName(device: Pick<Device, 'hostName' | 'sysName' | 'ip'>): string {
  return device.hostName ?? device.sysName ?? device.ip;
}

/** A new form: for an inventory device (its name by default), or empty (an address to type). */
export function newServerForm(
  device: Pick<Device, 'id' | 'hostName' | 'sysName' | 'ip'> | null = null,
): ServerForm {
  return {
    deviceId: device?.id ?? null,
    address: device?.ip ?? '',
    name: device ? deviceName(device) : '',
    snmp: true,
    smbShare: '',
    smbUser: '',
    smbPassword: '',
    clearPassword: false,
    local: false,
    services: DEFAULT_SERVICES,
    snmpPort: 161,
    smbPort: 445,
  };
}

/** The form of a watched server (the password is never there: only whether one is set). */
export function formFromServer(server: ServerConfig): ServerForm {
  return {
    deviceId: server.deviceId,
    address: server.address,
    name: server.name,
    snmp: server.snmp,
    smbShare: server.smbShare ?? '',
    smbUser: server.smbUser ?? '',
    smbPassword: '',
    clearPassword: false,
    local: server.local,
    services: server.services.join(', '),
    snmpPort: server.snmpPort,
    smbPort: server.smbPort,
  };
}

/** Splits the services field on commas and spaces, without repeats. */
export function parseServices(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((name) => name !== ''))];
}

/**
 * Checks the form and builds the `servers:save` input: `id` to change a server (absent: add);
 * the password only when typed (or empty to remove it with `clearPassword`), never otherwise.
 * @returns the input, or the refused fields.
 */
export function checkServerForm(
  form: ServerForm,
  id?: number,
): { ok: true; input: ServerSaveInput } | { ok: false; invalid: ServerFormField[] } {
  const invalid: ServerFormField[] = [];
  const address = form.address.trim();
  const name = form.name.trim();
  const share = form.smbShare.trim();
  const user = form.smbUser.trim();
  const services = parseServices(form.services);
  if (form.deviceId === null || address !== '') {
    if (!ADDRESS.test(address) || address.length > 255) invalid.push('address');
  }
  if (name.length > 100) invalid.push('name');
  if (share.length > 255 || /[\\/]/.test(share)) invalid.push('smbShare');
  if (user.length > 255) invalid.push('smbUser');
  if (services.length > MAX_SERVICES || !services.every((s) => SERVICE.test(s))) invalid.push('services');
  if (invalid.length > 0) return { ok: false, invalid };
  const password =
    form.smbPassword !== ''
      ? { smbPassword: form.smbPassword }
      : form.clearPassword
        ? { smbPassword: '' }
        : {};
  return {
    ok: true,
    input: {
      ...(id === undefined ? {} : { id }),
      deviceId: form.deviceId,
      ...(address === '' ? {} : { address }),
      ...(name === '' ? {} : { name }),
      snmp: form.snmp,
      snmpPort: form.snmpPort,
      smbShare: share === '' ? null : share,
      smbUser: user === '' ? null : user,
      smbPort: form.smbPort,
      local: form.local,
      services,
      ...password,
    },
  };
}
