/**
 * BRIDGE-MIB (RFC 4188), `1.3.6.1.2.1.17`: a switch's own bridge address and port count.
 */
export const BRIDGE_MIB = '1.3.6.1.2.1.17';
/** dot1dBaseBridgeAddress.0: the bridge's MAC address. */
export const dot1dBaseBridgeAddress = '1.3.6.1.2.1.17.1.1.0';
/** dot1dBaseNumPorts.0: number of bridge ports. */
export const dot1dBaseNumPorts = '1.3.6.1.2.1.17.1.2.0';
