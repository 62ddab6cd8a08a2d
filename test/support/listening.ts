// Which local addresses a listening TCP port is bound to, from the kernel's own socket table
// (Linux): 0100007F is 127.0.0.1, 00000000 is every IPv4 interface.
import { readFileSync } from 'node:fs';

export const LOOPBACK_V4 = '0100007F';
export const ANY_V4 = '00000000';

export function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [hexAddress, hexPort] = local.split(':');
      if (parseInt(hexPort!, 16) === port) found.push(hexAddress!);
    }
  }
  return found;
}
