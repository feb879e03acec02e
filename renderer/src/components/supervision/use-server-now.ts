import { useEffect, useState } from 'react';
import { useSupervisionStore } from '../../stores/supervision-store';

/** The server's time now, ticking once a second: times in state count on the server's clock. */
export function useServerNow(): number {
  const offset = useSupervisionStore((s) => s.clockOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now + offset;
}
