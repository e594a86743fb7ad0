// Values computed once per key object and kept as long as it lives. Event lists and incidents are never changed in
// place, only replaced (an edit makes a new list), so a new key is computed afresh.

/** The value `make` gives for `key`, from `cache` when it was made before. */
export function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make(key)));
  return value;
}
