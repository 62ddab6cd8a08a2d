// Demo resources (filled in by each service area's seed).
import type { SandboxState } from './state.js';

export function seedDemoResources(_state: SandboxState): void {}
