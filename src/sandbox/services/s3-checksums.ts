// Flexible checksums as S3 keeps them: an upload's `x-amz-checksum-*` is checked against the body
// (BadDigest when it differs) and stored; an algorithm named without a value has S3 compute it.
// PutObject answers with it; HeadObject and GetObject of the whole object show it when asked
// (`ChecksumMode=ENABLED`), so `--checksum-mode ENABLED` has something to check in the demo.
import { checksumBase64, type ChecksumAlgorithm } from '../../engine/protocols/checksums.js';
import { fault } from '../fault.js';

const MEMBERS: Record<ChecksumAlgorithm, string> = { crc32: 'ChecksumCRC32', crc32c: 'ChecksumCRC32C', sha1: 'ChecksumSHA1', sha256: 'ChecksumSHA256' };

export interface StoredChecksum { member: string; value: string }

export function uploadChecksum(input: Record<string, any>, body: Buffer): StoredChecksum | undefined {
  for (const [algorithm, member] of Object.entries(MEMBERS) as Array<[ChecksumAlgorithm, string]>) {
    if (input[member] === undefined) continue;
    const given = String(input[member]);
    if (checksumBase64(algorithm, body) !== given) throw fault('BadDigest', `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`);
    return { member, value: given };
  }
  const algorithm = String(input.ChecksumAlgorithm ?? '').toLowerCase();
  return Object.hasOwn(MEMBERS, algorithm) ? { member: MEMBERS[algorithm as ChecksumAlgorithm], value: checksumBase64(algorithm as ChecksumAlgorithm, body) } : undefined;
}

/** The stored checksum as an output member, when there is one and it is asked for. */
export function checksumOutput(stored: StoredChecksum | undefined, asked = true): Record<string, string> {
  return stored && asked ? { [stored.member]: stored.value } : {};
}
