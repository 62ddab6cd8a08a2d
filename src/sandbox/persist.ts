// Keeping sandbox state between runs (`--data DIR`).
import type { SandboxState } from './state.js';

export function loadSnapshot(_state: SandboxState, _dir: string): void {}
export function saveSnapshot(_state: SandboxState, _dir: string): void {}
