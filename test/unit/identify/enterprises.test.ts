import { describe, expect, it } from 'vitest';
import { enterpriseNumber, vendorFromEnterprise } from '../../../electron/engine/identify/enterprises';

describe('enterpriseNumber', () => {
  it.each([
    ['1.3.6.1.4.1.11.2.3.9.1', 11],
    ['1.3.6.1.4.1.8072.3.2.10', 8072],
    ['1.3.6.1.4.1.41112', 41112],
    ['1.3.6.1.2.1.1', null],
    ['1.3.6.1.4.1.', null],
    [null, null],
  ])('%s → %s', (sysObjectID, pen) => {
    expect(enterpriseNumber(sysObjectID)).toBe(pen);
  });
});

describe('vendorFromEnterprise', () => {
  it.each([
    [9, 'Cisco'],
    [11, 'HP'],
    [297, 'Fujifilm'],
    [318, 'APC'],
    [534, 'Eaton'],
    [705, 'Eaton'],
    [1248, 'Epson'],
    [2435, 'Brother'],
    [6574, 'Synology'],
    [14823, 'Aruba'],
    [24681, 'QNAP'],
    [41112, 'Ubiquiti'],
    [50536, 'iXsystems'],
    [8072, null],
    [2021, null],
    [999999, null],
  ])('%i → %s', (pen, vendor) => {
    expect(vendorFromEnterprise(pen)).toBe(vendor);
  });
});
