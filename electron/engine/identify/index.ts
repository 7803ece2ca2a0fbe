/**
 * Identification: turns the facts a scan gathered about one SNMP host into what it is (type)
 * and who made it (vendor, model, serial, firmware, MAC). Standard MIBs decide first; vendor
 * knowledge lives as data in `profiles/`, checked by `profile-schema.ts`; `enterprises.ts`
 * (IANA numbers) and `oui.ts` (IEEE MAC prefixes) name vendors no profile knows.
 */
export type { Capabilities, DeviceFacts, EntityFacts, InterfaceFacts, SystemGroup } from './facts';
export { identifyDevice, type Identity } from './identify';
export { profileNextOids, profileOids } from './profiles';
export { enterpriseNumber, vendorFromEnterprise } from './enterprises';
export { vendorFromMac } from './oui';
