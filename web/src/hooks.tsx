import { useState } from 'preact/hooks';
import type { Translate } from './i18n';

/** A form's submission: busy while it runs, and the failure described for the person who submitted. */
export function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>, describe: (e: unknown) => string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/** What a list page says while it loads, when loading failed, and when there is nothing to show. */
export function ListStatus(props: { t: Translate; failed: boolean; items: unknown[] | null; empty: string }) {
  const { t, failed, items } = props;
  if (failed)
    return (
      <p class="error" role="alert">
        {t('somethingWrong')}
      </p>
    );
  if (!items) return <p role="status">{t('loading')}</p>;
  return items.length ? null : <p>{props.empty}</p>;
}
