/**
 * Interactive flat panels (écrans interactifs) told apart from projectors. Both answer PJLink
 * (`%1INF1 ?` manufacturer, `%1INF2 ?` product) and some vendors make both (BenQ, ViewSonic), so
 * the product name decides: a vendor's panel line has its own model prefix.
 *
 * Sources: the model prefixes are those of the vendors' panel lines named in issue 4 (ViewSonic
 * ViewBoard `IFP6550`, BenQ `RP6502` / `RM…`, SMART Board `SBID-MX275`, Promethean ActivPanel
 * `AP7-B75`). The MAC prefixes are the IEEE MA-L registrations of "Promethean Limited" and
 * "SMART Technologies, Inc." (read through `vendorFromMac`, no OUI is written here).
 *
 * No SNMP signature (sysObjectID, private OID) of a panel could be sourced: sysDescr is only
 * searched for the same vendor word and model prefix.
 */
import { vendorFromMac } from './oui';

/** One panel line: a vendor word and the model prefix of its interactive displays. */
export interface InteractivePanelLine {
  /** Vendor name as shown to users. */
  vendor: string;
  /** Matches the vendor in PJLink INF1 or in sysDescr. */
  manufacturer: RegExp;
  /** Matches one of the line's model names, anywhere in PJLink INF2 or sysDescr. */
  model: RegExp;
}

export const INTERACTIVE_PANEL_LINES: readonly InteractivePanelLine[] = [
  // ViewBoard panels: IFP6550…
  { vendor: 'ViewSonic', manufacturer: /\bviewsonic\b/i, model: /\bIFP\d{3,}/i },
  // BenQ panels: RP6502, RM…
  { vendor: 'BenQ', manufacturer: /\bbenq\b/i, model: /\bR[MP]\d{3,}/i },
  // SMART Board interactive displays: SBID-MX275…
  { vendor: 'SMART Technologies', manufacturer: /\bsmart\b/i, model: /\bSBID-?[A-Z0-9]/i },
  // ActivPanel: AP7-B75…
  { vendor: 'Promethean', manufacturer: /\bpromethean\b/i, model: /\bAP\d{1,2}-[A-Z0-9]/i },
];

/**
 * Registrants (as `vendorFromMac` shortens them) whose every network product in a classroom is
 * an interactive display or its board: "Promethean Limited", "SMART Technologies, Inc.".
 */
export const INTERACTIVE_PANEL_MAC_VENDORS: readonly string[] = ['Promethean', 'SMART Technologies'];

/** What the scan knows that may tell a panel: MAC, PJLink INF1/INF2, SNMP sysDescr. */
export interface InteractiveDisplayFacts {
  mac?: string | null;
  /** PJLink `%1INF1 ?`. */
  manufacturer?: string | null;
  /** PJLink `%1INF2 ?`. */
  product?: string | null;
  /** SNMPv2-MIB sysDescr `1.3.6.1.2.1.1.1.0`. */
  sysDescr?: string | null;
}

/** True when `vendorText` names the line's vendor and `modelText` one of its panel models. */
function namesPanel(line: InteractivePanelLine, vendorText: string, modelText: string): boolean {
  return line.manufacturer.test(vendorText) && line.model.test(modelText);
}

/**
 * Whether a device is an interactive flat panel rather than a projector: the PJLink
 * manufacturer and product (INF1 + INF2), or sysDescr (vendor word and model together), name a
 * panel line of `INTERACTIVE_PANEL_LINES`; or the MAC's OUI is registered to a vendor of
 * `INTERACTIVE_PANEL_MAC_VENDORS`. Absent facts count as not saying so.
 */
export function looksLikeInteractiveDisplay(facts: InteractiveDisplayFacts): boolean {
  const { manufacturer, product, sysDescr, mac } = facts;
  for (const line of INTERACTIVE_PANEL_LINES) {
    if (manufacturer && product && namesPanel(line, manufacturer, product)) return true;
    if (sysDescr && namesPanel(line, sysDescr, sysDescr)) return true;
  }
  const registrant = mac ? vendorFromMac(mac) : null;
  return registrant !== null && INTERACTIVE_PANEL_MAC_VENDORS.includes(registrant);
}
