import { api, ApiError } from '../api';
import { ErrorText, useAction } from '../hooks';
import type { Translate } from '../i18n';

/** Shown instead of everything else while the account must change its (issued) password. */
export function ChangePasswordPage(props: { t: Translate; onChanged: () => void }) {
  const { t } = props;
  const { error, setError, busy, run } = useAction();

  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const next = String(form.get('newPassword'));
    if (next !== String(form.get('repeatPassword'))) return setError(t('passwordsDiffer'));
    void run(
      async () => {
        await api.changePassword(String(form.get('currentPassword')), next);
        props.onChanged();
      },
      (err) => {
        const code = err instanceof ApiError ? err.code : '';
        return code === 'WEAK_PASSWORD' ? t('weakPassword') : code === 'WRONG_CURRENT_PASSWORD' ? t('wrongCurrentPassword') : t('somethingWrong');
      },
    );
  };

  return (
    <form class="card narrow" onSubmit={submit}>
      <h1>{t('changePasswordTitle')}</h1>
      <p>{t('changePasswordWhy')}</p>
      <label>
        {t('currentPassword')}
        <input name="currentPassword" type="password" autoComplete="current-password" required />
      </label>
      <label>
        {t('newPassword')}
        <input name="newPassword" type="password" autoComplete="new-password" minLength={10} required />
      </label>
      <label>
        {t('repeatPassword')}
        <input name="repeatPassword" type="password" autoComplete="new-password" minLength={10} required />
      </label>
      <ErrorText text={error} />
      <button type="submit" disabled={busy}>
        {t('save')}
      </button>
    </form>
  );
}
