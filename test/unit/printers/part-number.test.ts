import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../../electron/engine/identify/profiles';
import { findPartNumber, GENERIC_PART_NUMBER_PATTERNS } from '../../../electron/engine/printers/part-number';

const patternsOf = (id: string) => [
  ...(PROFILES.find((profile) => profile.id === id)?.printer?.partNumbers ?? []),
  ...GENERIC_PART_NUMBER_PATTERNS,
];

describe('findPartNumber', () => {
  it.each([
    ['hp-jetdirect', 'Black Cartridge HP CF410A', 'CF410A'],
    ['hp-jetdirect', 'HP 953XL Black Original Ink', '953XL'],
    ['brother-printer', 'Black Toner TN-2420', 'TN-2420'],
    ['brother-printer', 'Drum Unit', null],
    ['kyocera-printer', 'TK-1150', 'TK-1150'],
    ['utax-printer', 'PK-3010S', 'PK-3010S'],
    ['canon-printer', 'Canon CRG 046 Cyan', 'CRG 046'],
    ['canon-printer', 'Canon Cartridge 719/719H', '719/719H'],
    ['xerox-printer', 'Black Toner, PN 006R01509;SN48178080E0000481', '006R01509'],
    ['xerox-printer', 'Cyan Toner 106R03693', '106R03693'],
    ['xerox-printer', 'Fuser, PN unknown;SNunknown', null],
    ['lexmark-printer', 'Black Cartridge 50F2H00', '50F2H00'],
    ['epson-printer', 'Black Ink Supply Unit T9441/T9451/T9461', 'T9441/T9451/T9461'],
    ['samsung-printer', 'Black Toner MLT-D203L', 'MLT-D203L'],
    ['sharp-printer', 'Black Toner', null],
  ])('%s: %s → %s', (profile, description, partNumber) => {
    expect(findPartNumber(description, patternsOf(profile))).toBe(partNumber);
  });

  it('needs a description', () => {
    expect(findPartNumber(null, GENERIC_PART_NUMBER_PATTERNS)).toBeNull();
  });
});
