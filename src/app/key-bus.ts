// One keypress bus. Each layer registers a handler; a key goes to the highest-priority layer first
// (modal > prompt > view > global) and stops at the first handler that consumes it. Within a layer
// the most recently registered handler wins, so a nested modal beats the one under it.
import type { KeyPress } from './keys.js';

export type Layer = 'modal' | 'prompt' | 'view' | 'global';
export type KeyHandler = (key: KeyPress) => boolean;

const priority: Record<Layer, number> = { modal: 3, prompt: 2, view: 1, global: 0 };

interface Registration {
  layer: Layer;
  order: number;
  handler: KeyHandler;
}

export class KeyBus {
  private registrations: Registration[] = [];
  private nextOrder = 0;

  register(layer: Layer, handler: KeyHandler): () => void {
    const entry = { layer, order: this.nextOrder++, handler };
    this.registrations.push(entry);
    this.registrations.sort((a, b) => priority[b.layer] - priority[a.layer] || b.order - a.order);
    return () => {
      this.registrations = this.registrations.filter((r) => r !== entry);
    };
  }

  /** Delivers one key; returns whether any layer consumed it. */
  dispatch(key: KeyPress): boolean {
    // Copy: a handler may open a modal (register) or close itself (unregister) while we iterate.
    for (const { handler } of [...this.registrations]) {
      if (handler(key)) return true;
    }
    return false;
  }

  /** Whether a modal is open (used to dim the view behind it). */
  hasLayer(layer: Layer): boolean {
    return this.registrations.some((r) => r.layer === layer);
  }
}
