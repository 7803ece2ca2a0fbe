import { describe, expect, it } from 'vitest';
import { MASKED_PHONE, maskNullable, maskPersonalData } from '../../../electron/engine/reports/privacy';

describe('maskPersonalData', () => {
  it.each([
    ['jean.dupont@ac-creteil.fr', 'j***@…'],
    ['Salle 204 (resp. marie.curie@ac-creteil.fr)', 'Salle 204 (resp. m***@…)'],
    ['a@b.fr et c.d+tice@lycee-exemple.ac-versailles.fr', 'a***@… et c***@…'],
    ['CDI, tél. 06 12 34 56 78', `CDI, tél. ${MASKED_PHONE}`],
    ['+33 1 45 67 89 10 (standard)', `${MASKED_PHONE} (standard)`],
    ['0145678910', MASKED_PHONE],
    ['01.45.67.89.10', MASKED_PHONE],
  ])('masks %j', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    'Color LaserJet Pro M454dn',
    'Cyan Cartridge HP W2031A',
    'B12',
    'Salle des profs',
    'EB-695Wi',
    'TK-3160',
    'SN 201234567890',
    '10.12.0.21',
    'user at example dot com',
  ])('keeps %j as is', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  it('maskNullable keeps null', () => {
    expect(maskNullable(null)).toBeNull();
    expect(maskNullable('x@y.fr')).toBe('x***@…');
  });
});
