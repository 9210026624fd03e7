// Resolved instead of the real package when a browser bundle imports @show/token. It exports
// nothing, so client code that imports from it also fails to type-check.
throw new Error(
  '@show/token is server-only: it holds your LiveKit API secret. Mint tokens on your server and fetch them from the browser.',
);

export {};
