import type { DeviceType } from '../../../shared/domain/device';

/** Simple line drawings (24×24, stroked) — one per device type; decoration next to the text label. */
const PATHS: Readonly<Record<DeviceType, string>> = {
  printer: 'M7 9V3h10v6M5 9h14a2 2 0 0 1 2 2v5h-4v5H7v-5H3v-5a2 2 0 0 1 2-2zM7 14h10',
  switch: 'M3 8h18v8H3zM6 12h.01M9 12h.01M12 12h.01M15 12h.01M18 12h.01',
  router: 'M3 13h18v6H3zM7 16h.01M11 16h.01M8 13l-3-8M16 13l3-8',
  'access-point': 'M12 20h.01M8.5 16.5a5 5 0 0 1 7 0M5 13a10 10 0 0 1 14 0M2 9.5a15 15 0 0 1 20 0',
  nas: 'M5 3h14v18H5zM5 9h14M5 15h14M9 6h.01M9 12h.01M9 18h.01',
  server: 'M4 4h16v7H4zM4 13h16v7H4zM8 7.5h.01M8 16.5h.01',
  computer: 'M3 4h18v12H3zM8 20h8M12 16v4',
  ups: 'M6 3h12v18H6zM13 7l-3 5h4l-3 5',
  projector: 'M2 8h20v9H2zM15 12.5a2.5 2.5 0 1 0 0 .01M5 11h4M5 17v2M19 17v2',
  'interactive-display': 'M2 3h20v13H2zM12 16v5M8 21h8M6 12l4-5 3 3 4-4',
  phone: 'M7 2h10v20H7zM11 18h2',
  camera: 'M3 7h12v10H3zM15 10l6-3v10l-6-3',
  other: 'M4 4h16v16H4zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17h.01',
};

/** The glyph of a device type; hidden from screen readers (the type is always written beside it). */
export function DeviceTypeIcon({ type }: { type: DeviceType }) {
  return (
    <svg
      className="device-type-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[type]} />
    </svg>
  );
}
