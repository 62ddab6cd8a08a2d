// Loads "why this identity?" for a profile and region; a newer request replaces an older one.
import { useEffect, useState } from 'react';
import type { Dashboard } from './dashboard-model.js';
import type { Explanation } from './engine-port.js';

export function useExplanation(dashboard: Dashboard, profile: string | undefined, region: string | undefined, reloadKey: unknown) {
  const [result, setResult] = useState<{ explanation?: Explanation; error?: string; loading: boolean }>({ loading: true });
  useEffect(() => {
    let current = true;
    setResult({ loading: true });
    dashboard.engine.explain(profile, region).then(
      (explanation) => current && setResult({ explanation, loading: false }),
      (error: Error) => current && setResult({ error: error.message, loading: false }),
    );
    return () => { current = false; };
  }, [dashboard, profile, region, reloadKey]);
  return result;
}
