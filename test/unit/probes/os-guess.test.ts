import { describe, expect, it } from 'vitest';
import { OsGuess } from '../../../shared/domain/agentless';
import { KIND_RULES, OS_RULES, classifyHost, guessOs } from '../../../electron/engine/probes/os-guess';

describe('guessOs', () => {
  const cases: [string, number[], boolean, OsGuess | null][] = [
    ['Windows PC with file sharing', [135, 139, 445], true, 'windows'],
    ['Windows PC, firewall open for RDP only', [3389], false, 'windows'],
    ['Windows PC with OpenSSH server', [22, 135, 445], true, 'windows'],
    ['Windows share without RPC', [445], false, 'windows'],
    ['Windows PC answering NetBIOS only', [], true, 'windows'],
    ['Linux server', [22, 80, 443], false, 'linux'],
    ['Samba file server (SambaEdu)', [22, 139, 445], true, 'linux'],
    ['Linux with NetBIOS but no SMB port seen', [22], true, 'linux'],
    ['Linux desktop with VNC', [22, 5900], false, 'linux'],
    ['printer', [80, 443, 515, 631, 9100], false, null],
    ['web-only appliance', [80], false, null],
    ['nothing open', [], false, null],
  ];
  it.each(cases)('%s %j netbios=%s → %s', (_name, openPorts, netbios, expected) => {
    expect(guessOs({ openPorts, netbios })).toBe(expected);
  });

  it('every rule gives a valid OsGuess and says why', () => {
    for (const rule of OS_RULES) {
      expect(OsGuess.safeParse(rule.result).success).toBe(true);
      expect(rule.why.length).toBeGreaterThan(10);
    }
  });
});

describe('classifyHost', () => {
  const cases: [string, number[], boolean, string | null, string][] = [
    ['PJLink projector', [80, 4352], true, null, 'projector'],
    ['PJLink wins over print ports', [80, 9100, 4352], true, null, 'projector'],
    ['network printer', [80, 443, 515, 631, 9100], false, null, 'printer'],
    ['printer with IPP only', [631], false, null, 'printer'],
    ['Jetdirect answering NetBIOS', [80, 9100], false, 'NPI1A2B3C', 'printer'],
    ['PC sharing a printer', [135, 445, 9100], false, 'PC-B12-07', 'computer'],
    ['Linux CUPS server', [22, 631], false, null, 'computer'],
    ['Windows PC', [135, 139, 445], false, 'PC-B12-07', 'computer'],
    ['port 4352 open but PJLink not answered', [4352], false, null, 'computer'],
    ['host seen by a refusal only', [], false, null, 'computer'],
  ];
  it.each(cases)('%s %j pjlink=%s name=%s → %s', (_name, openPorts, pjlink, netbiosName, expected) => {
    expect(classifyHost({ openPorts, pjlink, netbiosName })).toBe(expected);
  });

  it('the last kind rule matches anything', () => {
    const last = KIND_RULES[KIND_RULES.length - 1];
    expect(last).toMatchObject({ result: 'computer' });
    expect(last.anyOpen ?? last.noneOpen ?? last.pjlink ?? last.netbios).toBeUndefined();
  });
});
