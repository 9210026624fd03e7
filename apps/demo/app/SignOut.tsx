/** Signs every staff role out of this browser: a plain form post, so it works before any script. */
export function SignOut() {
  return (
    <form action="/api/staff/sign-out" method="post" className="sign-out">
      <button type="submit" className="show-button">
        Sign out
      </button>
    </form>
  );
}
