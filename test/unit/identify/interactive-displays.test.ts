import { describe, expect, it } from 'vitest';
import {
  looksLikeInteractiveDisplay,
  type InteractiveDisplayFacts,
} from '../../../electron/engine/identify/interactive-displays';

describe('looksLikeInteractiveDisplay', () => {
  it.each<[string, InteractiveDisplayFacts, boolean]>([
    ['ViewSonic ViewBoard by PJLink', { manufacturer: 'ViewSonic', product: 'IFP6550' }, true],
    ['ViewSonic projector by PJLink', { manufacturer: 'ViewSonic', product: 'PS501W' }, false],
    ['BenQ RP panel by PJLink', { manufacturer: 'BenQ', product: 'RP6502' }, true],
    ['BenQ RM panel by PJLink', { manufacturer: 'BenQ', product: 'RM8602K' }, true],
    ['BenQ projector by PJLink', { manufacturer: 'BenQ', product: 'MW826STH' }, false],
    ['SMART Board by PJLink', { manufacturer: 'SMART', product: 'SBID-MX275' }, true],
    ['Promethean ActivPanel by PJLink', { manufacturer: 'Promethean', product: 'AP7-B75' }, true],
    ['Epson projector by PJLink', { manufacturer: 'EPSON', product: 'EB-725Wi' }, false],
    ['a panel model under another vendor', { manufacturer: 'EPSON', product: 'IFP6550' }, false],
    ['a product without a manufacturer', { product: 'IFP6550' }, false],
    ['a panel named in sysDescr', { sysDescr: 'ViewSonic IFP7550 Android 11' }, true],
    ['a projector sysDescr', { sysDescr: 'EPSON Network Projector' }, false],
    ['a Promethean MAC', { mac: '6c:dc:6a:12:34:56' }, true],
    ['a SMART Technologies MAC', { mac: '00-02-75-12-34-56' }, true],
    ['an Epson MAC', { mac: 'b0:e8:92:fd:30:ec' }, false],
    ['a locally administered MAC', { mac: '0a:1c:75:71:a9:cf' }, false],
    ['nothing known', { mac: null, manufacturer: null, product: null, sysDescr: null }, false],
  ])('%s → %s', (_name, facts, expected) => {
    expect(looksLikeInteractiveDisplay(facts)).toBe(expected);
  });
});
