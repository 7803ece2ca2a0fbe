import type { Device, DeviceType } from '../../../shared/domain/device';

/** The fields the search reads: a whole `Device` or a table row (`DeviceSummary`). */
export type SearchableDevice = Pick<
  Device,
  'type' | 'sysName' | 'ip' | 'vendor' | 'model' | 'serial' | 'mac' | 'room'
>;

const haystacks = new WeakMap<SearchableDevice, string>();

/** Lower case without accents, so "cdi" finds "CDI" and "equipe" finds "équipe". */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function haystackOf(device: SearchableDevice): string {
  let haystack = haystacks.get(device);
  if (haystack === undefined) {
    const fields = [device.sysName, device.ip, device.vendor, device.model, device.serial, device.room];
    if (device.mac) fields.push(device.mac, device.mac.replace(/:/g, ''));
    haystack = normalizeSearch(fields.filter((field): field is string => Boolean(field)).join('\n'));
    haystacks.set(device, haystack);
  }
  return haystack;
}

/**
 * The devices matching a search text and a type: every word of the search must appear in the
 * name, IP, vendor, model, serial, MAC (with or without colons), room, or the type's word in
 * the UI language (`typeWord`, e.g. « imprimante »).
 */
export function filterDevices<T extends SearchableDevice>(
  devices: readonly T[],
  search: string,
  type: DeviceType | null,
  typeWord: (type: DeviceType) => string = () => '',
): readonly T[] {
  const words = normalizeSearch(search).split(/\s+/).filter(Boolean);
  if (words.length === 0 && type === null) return devices;
  const typeWords = new Map<DeviceType, string>();
  const typeWordOf = (deviceType: DeviceType) => {
    let word = typeWords.get(deviceType);
    if (word === undefined) {
      word = normalizeSearch(typeWord(deviceType));
      typeWords.set(deviceType, word);
    }
    return word;
  };
  return devices.filter((device) => {
    if (type !== null && device.type !== type) return false;
    if (words.length === 0) return true;
    const haystack = `${haystackOf(device)}\n${typeWordOf(device.type)}`;
    return words.every((word) => haystack.includes(word));
  });
}
