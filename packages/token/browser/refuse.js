throw new Error(
  '@show/token is server-only: it holds your LiveKit API secret. Mint tokens on your server and fetch them from the browser.',
);
