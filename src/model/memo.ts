// Values computed once per key object and kept as long as it lives. Event lists and incidents are never changed in
// place, only replaced (an edit makes a new list), so a new key is computed afresh.

/** The value `make` gives for `key`, from `cache` when it was made before. */
export function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make(key)));
  return value;
}

/**
 * A value kept for the last key it was made for, held only as long as that key lives elsewhere: a cache that follows
 * the latest version of a list (each edit replaces it) without keeping a closed draft's list alive.
 */
export function latestOf<K extends object, V>() {
  let last: WeakRef<K> | undefined;
  const values = new WeakMap<K, V>();
  return {
    get(): { key: K; value: V } | undefined {
      const key = last?.deref();
      const value = key && values.get(key);
      return key && value !== undefined ? { key, value } : undefined;
    },
    set(key: K, value: V) {
      last = new WeakRef(key);
      values.set(key, value);
    },
  };
}
