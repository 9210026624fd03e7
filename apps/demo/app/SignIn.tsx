import type { StaffRole } from '@show/server';

const ERRORS: Record<string, string> = {
  wrong: 'That passcode is not right. Check it and try again.',
  'too-many': 'Too many attempts. Wait a few minutes, then try again.',
  invalid: 'The form could not be read. Reload the page and try again.',
};

const CLOSED: Record<StaffRole, string> = {
  host: 'The studio is closed: SHOW_HOST_PASSCODE is not set on the server.',
  moderator: 'Moderation is closed: SHOW_MODERATOR_PASSCODE is not set on the server.',
};

/** The passcode form of the studio and of moderation; posts to /api/staff/sign-in. */
export function SignIn({
  role,
  title,
  intro,
  error,
}: {
  role: StaffRole;
  title: string;
  intro: string;
  error: string | string[] | undefined;
}) {
  const message =
    typeof error === 'string' ? (error === 'closed' ? CLOSED[role] : ERRORS[error]) : undefined;
  return (
    <main className="page page--narrow">
      <h1>{title}</h1>
      <p>{intro}</p>
      <form action={`/api/staff/sign-in?role=${role}`} method="post" className="sign-in">
        <label htmlFor="passcode">Passcode</label>
        <input
          id="passcode"
          name="passcode"
          type="password"
          autoComplete="current-password"
          required
          className="show-input"
        />
        <button type="submit" className="show-button show-button--primary">
          Sign in
        </button>
        {message && (
          <p role="alert" className="sign-in__error">
            {message}
          </p>
        )}
      </form>
    </main>
  );
}
