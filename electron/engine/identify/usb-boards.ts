/**
 * Interactive whiteboards plugged into a PC by USB (the TNI of a room whose board is not on the
 * network), recognised by their USB vendor and product ids.
 *
 * Source of every id: the USB ID Repository, `usb.ids` version 2025.07.26 (linux-usb.org, as
 * shipped by usbutils / Debian's `usb.ids` package); the quoted names are its entries. Of these
 * vendors, Linux's `drivers/hid/hid-ids.h` has only `USB_VENDOR_ID_GTCO` (0x078c), whose ids
 * hid-quirks lists as ignored by usbhid.
 *
 * Left out for want of a source: Hitachi StarBoard and Mimio product ids, Promethean's newer ids
 * (`0x2575` is Weida Hi-Tech and `0x0c8f` Applied Microsystems in usb.ids), and generic touch
 * controllers (eGalax `0x0eef`, IRTOUCH, ILITEK…): they sit in monitors and kiosks too, so their
 * ids alone do not say "board".
 */

/** One known board: a product row, or a vendor-only row (`productId: null`) for any product. */
export interface UsbBoardRow {
  /** USB idVendor. */
  vendorId: number;
  /** USB idProduct, or null for every product of the vendor. */
  productId: number | null;
  /** Vendor name as shown to users. */
  vendor: string;
  /** Model as shown to users, or null when unknown (vendor-only rows). */
  model: string | null;
}

export const USB_BOARDS: readonly UsbBoardRow[] = [
  // 0b8c "SMART Technologies Inc.": every product is a board, pen display or their controller.
  {
    vendorId: 0x0b8c,
    productId: 0x0001,
    vendor: 'SMART Technologies',
    model: 'Interactive Whiteboard Controller (SB6)',
  },
  { vendorId: 0x0b8c, productId: 0x00c3, vendor: 'SMART Technologies', model: 'Sympodium ID350' },
  { vendorId: 0x0b8c, productId: null, vendor: 'SMART Technologies', model: null },
  // 0d48 "Promethean Limited": 0001 and 0004 "ACTIVboard".
  { vendorId: 0x0d48, productId: 0x0001, vendor: 'Promethean', model: 'ActivBoard' },
  { vendorId: 0x0d48, productId: 0x0004, vendor: 'Promethean', model: 'ActivBoard' },
  { vendorId: 0x0d48, productId: null, vendor: 'Promethean', model: null },
  // 078c "GTCO/CalComp" (Interwrite boards): only 0400 "Digitizer (Whiteboard)"; its other ids are tablets.
  { vendorId: 0x078c, productId: 0x0400, vendor: 'GTCO CalComp', model: 'Digitizer (Whiteboard)' },
  // 04da "Panasonic (Matsushita)": 104d "Elite Panaboard UB-T880 (HID)", 104e "Elite Panaboard Pen Adaptor (HID)".
  { vendorId: 0x04da, productId: 0x104d, vendor: 'Panasonic', model: 'Elite Panaboard UB-T880' },
  { vendorId: 0x04da, productId: 0x104e, vendor: 'Panasonic', model: 'Elite Panaboard Pen Adaptor' },
  // 2650 "Electronics For Imaging, Inc." 1311 "eBeam Classic [Luidia]".
  { vendorId: 0x2650, productId: 0x1311, vendor: 'Luidia', model: 'eBeam Classic' },
  // 08d3 "Virtual Ink" (the mimio capture bar's first maker): no product listed.
  { vendorId: 0x08d3, productId: null, vendor: 'Virtual Ink', model: null },
];

/**
 * The board a USB device is, from its ids: the row for that exact product first, else the
 * vendor-only row, else null.
 * @param vendorId USB idVendor, 0–0xffff.
 * @param productId USB idProduct, 0–0xffff.
 */
export function matchUsbBoard(
  vendorId: number,
  productId: number,
): { vendor: string; model: string | null } | null {
  const row =
    USB_BOARDS.find((entry) => entry.vendorId === vendorId && entry.productId === productId) ??
    USB_BOARDS.find((entry) => entry.vendorId === vendorId && entry.productId === null);
  return row === undefined ? null : { vendor: row.vendor, model: row.model };
}
