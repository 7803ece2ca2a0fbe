/**
 * UPS-MIB (RFC 1628), `1.3.6.1.2.1.33`.
 */
export const UPS_MIB = '1.3.6.1.2.1.33';
/** upsIdentManufacturer.0 */
export const upsIdentManufacturer = '1.3.6.1.2.1.33.1.1.1.0';
/** upsIdentModel.0 */
export const upsIdentModel = '1.3.6.1.2.1.33.1.1.2.0';
