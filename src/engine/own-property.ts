// Keys from the wire or the user are data: `obj[key] = v` with key `__proto__` would replace the
// object's prototype instead of adding a member, and the value would silently vanish.

/** Adds `key` as an own, enumerable member, whatever the key is. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  // Only `__proto__` is an accessor on Object.prototype; every other key assigns as an own member.
  if (key !== '__proto__' && Object.getPrototypeOf(target) === Object.prototype) target[key] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
