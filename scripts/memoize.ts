/** Wraps a pure function of one object so it computes once per object (kept only as long as the object lives). */
export function memoizeByObject<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new WeakMap<Key, Value>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as Value;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
