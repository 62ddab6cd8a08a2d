// Keys from the wire or the user are data: `obj[key] = v` with key `__proto__` would replace the
// object's prototype instead of adding a member, and the value would silently vanish.

/** Adds `key` as an own, enumerable member, whatever the key is. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
