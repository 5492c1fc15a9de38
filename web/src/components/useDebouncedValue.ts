/** `value`, once it has stopped changing for `delay` ms: for lookups while someone types. */
import { useEffect, useState } from 'preact/hooks';

export function useDebouncedValue<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
