/**
 * IEEE802dot11-MIB (IEEE 802.11, Annex D), `1.2.840.10036`: present on Wi-Fi access points.
 */
export const IEEE802DOT11_MIB = '1.2.840.10036';
