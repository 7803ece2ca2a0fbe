import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseCsv } from '../../../electron/engine/import/read-table';

describe('reading a CSV', () => {
  it('detects ; , or tab from the header line', () => {
    expect(detectDelimiter('Nom;Salle;Notes\r\na,b;c')).toBe(';');
    expect(detectDelimiter('Name,Room\nx;y,z')).toBe(',');
    expect(detectDelimiter('Name\tRoom')).toBe('\t');
  });

  it('strips the BOM, reads quoted cells and numbers rows as a spreadsheet does', () => {
    const table = parseCsv(
      '\uFEFFNom;Salle;Notes\r\nIMP-B12;B12;"deux\r\nlignes"\r\n\r\nSW-CDI;CDI;"a;b"\r\n',
    );
    expect(table.header).toEqual(['Nom', 'Salle', 'Notes']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['IMP-B12', 'B12', 'deux\r\nlignes'] },
      { line: 4, cells: ['SW-CDI', 'CDI', 'a;b'] },
    ]);
  });

  it('decodes UTF-8, else Windows-1252 (French Excel « CSV (séparateur: point-virgule) »)', () => {
    expect(decodeText(Buffer.from('\uFEFFSalle;N° de série', 'utf8'))).toBe('Salle;N° de série');
    expect(decodeText(Buffer.from([0x4e, 0xb0, 0x20, 0x64, 0x65, 0x20, 0x73, 0xe9, 0x72, 0x69, 0x65]))).toBe(
      'N° de série',
    );
  });
});

describe('decodeText with Windows-1252 (French Excel "CSV (séparateur: point-virgule)")', () => {
  it('keeps ’ – œ € “ ” that ISO-8859-1 would turn into control codes', () => {
    // "Salle d’arts – Cœur ; 20 € “test”" in Windows-1252.
    const bytes = Buffer.from([
      0x53, 0x61, 0x6c, 0x6c, 0x65, 0x20, 0x64, 0x92, 0x61, 0x72, 0x74, 0x73, 0x20, 0x96, 0x20, 0x43, 0x9c,
      0x75, 0x72, 0x20, 0x3b, 0x20, 0x32, 0x30, 0x20, 0x80, 0x20, 0x93, 0x74, 0x65, 0x73, 0x74, 0x94,
    ]);
    expect(decodeText(bytes)).toBe('Salle d’arts – Cœur ; 20 € “test”');
  });
});
