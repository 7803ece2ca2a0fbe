import { describe, expect, it } from 'vitest';
import { supplyColor, supplyKind, supplyUnit } from '../../../electron/engine/printers/supplies';

describe('supplyKind', () => {
  it.each([
    [3, 3, 'Black Toner', 'toner', false],
    [4, 4, 'Waste Toner Box', 'waste-toner', true],
    [5, 3, 'Black Ink', 'ink', false],
    [6, 3, 'Cyan Ink Cartridge', 'ink', false],
    [7, 3, 'Ribbon', 'ink', false],
    [8, 4, 'Waste Ink', 'waste-ink', true],
    [9, 3, 'Drum Unit', 'drum', false],
    [10, 3, 'Black Developer', 'developer', false],
    [11, 3, 'Fuser Oil', 'other', false],
    [15, 3, 'Fuser', 'fuser', false],
    [20, 3, 'Transfer Roller', 'transfer-unit', false],
    [21, 3, 'Toner Cartridge', 'toner', false],
    [24, 4, 'Waste Water', 'other', true],
    [26, 4, 'Punch Waste', 'other', true],
    [29, 3, 'Stitching Wire', 'staples', false],
    [32, 3, 'Staple Cartridge', 'staples', false],
    [34, 3, 'Covers', 'other', false],
    // Type other/unknown/absent: the description decides, French and English.
    [1, 3, 'Maintenance Kit', 'maintenance-kit', false],
    [1, 3, 'Kit de maintenance', 'maintenance-kit', false],
    [1, 3, 'Roller Kit', 'maintenance-kit', false],
    [2, 3, "Unité d'imagerie", 'drum', false],
    [null, null, 'Imaging Drum HP CF219A', 'drum', false],
    [null, null, 'Canon Cartridge 719/719H', 'toner', false],
    [null, null, 'Waste Toner Container', 'waste-toner', true],
    [null, null, "Bac récupérateur d'encre", 'waste-ink', true],
    [null, null, 'Fusing Unit', 'fuser', false],
    [null, null, 'Image Transfer Belt Unit', 'transfer-unit', false],
    [null, null, 'Cartouche d’encre noire', 'ink', false],
    [null, null, 'Ozone Filter', 'other', false],
    [null, null, null, 'other', false],
    // A receptacle class makes a consumed kind its waste counterpart.
    [3, 4, 'Toner Collection', 'waste-toner', true],
  ])('type %s class %s %s → %s', (type, supplyClass, description, kind, waste) => {
    expect(supplyKind(type, supplyClass, description)).toEqual({ kind, waste });
  });
});

describe('supplyColor', () => {
  it.each([
    ['toner', 'cyan', 'Black Toner', 'cyan'], // the colorant wins over the description
    ['toner', 'unknown', 'Magenta Toner', 'magenta'],
    ['toner', null, 'Black Cartridge HP CF400X', 'black'],
    ['toner', null, 'Toner (Yellow)', 'yellow'],
    ['toner', null, 'Toner noir', 'black'],
    ['ink', null, 'Cartouche jaune', 'yellow'],
    ['ink', null, 'Cyan clair', 'light-cyan'],
    ['ink', null, 'Light Magenta Ink', 'light-magenta'],
    ['ink', null, 'Photo Black Ink', 'photo-black'],
    ['ink', null, 'Matte Black Ink', 'matte-black'],
    ['ink', null, 'Gris', 'gray'],
    ['drum', null, 'Black Photoconductive Drum', 'black'],
    ['drum', null, 'Drum Unit', null],
    ['drum', null, 'Drum Cartridge (R1)', null],
    ['toner', null, 'PK-3010S', null],
    ['waste-toner', 'black', 'Black Waste Toner', null],
    ['fuser', null, 'Fuser', null],
  ] as const)('%s colorant %s %s → %s', (kind, colorant, description, color) => {
    expect(supplyColor(kind, colorant, description)).toBe(color);
  });
});

describe('supplyUnit', () => {
  it.each([
    [3, 'ten-thousandths-of-inches'],
    [4, 'micrometers'],
    [7, 'impressions'],
    [8, 'sheets'],
    [11, 'hours'],
    [12, 'thousandths-of-ounces'],
    [13, 'tenths-of-grams'],
    [14, 'hundredths-of-fluid-ounces'],
    [15, 'tenths-of-milliliters'],
    [16, 'feet'],
    [17, 'meters'],
    [18, 'items'],
    [19, 'percent'],
    [1, 'other'],
    [2, 'unknown'],
    [5, null],
    [null, null],
  ])('%s → %s', (code, unit) => {
    expect(supplyUnit(code)).toBe(unit);
  });
});
