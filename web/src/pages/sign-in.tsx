import { api, ApiError } from '../api';
import { useAction } from '../hooks';
import type { Translate } from '../i18n';

export function SignInPage(props: { t: Translate; onSignedIn: () => void }) {
  const { t } = props;
  const { error, busy, run } = useAction();

  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    void run(
      async () => {
        await api.login(String(form.get('username')), String(form.get('password')));
        props.onSignedIn();
      },
      (err) =>
        err instanceof ApiError && err.code === 'INVALID_CREDENTIALS'
          ? t('signInFailed')
          : err instanceof ApiError && err.status === 429
            ? t('tooManyAttempts')
            : t('somethingWrong'),
    );
  };

  return (
    <form class="card narrow" onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
      <h1>{t('signIn')}</h1>
      <label>
        {t('username')}
        <input name="username" autoComplete="username" autoCapitalize="none" spellcheck={false} required />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p id="sign-in-error" class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('signIn')}
      </button>
    </form>
  );
}
