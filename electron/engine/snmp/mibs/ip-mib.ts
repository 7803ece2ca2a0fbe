/**
 * IP-MIB (RFC 4293), `1.3.6.1.2.1.4`.
 */
/** ipForwarding.0: 1 forwarding (acts as a router), 2 notForwarding. */
export const ipForwarding = '1.3.6.1.2.1.4.1.0';
