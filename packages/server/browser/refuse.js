throw new Error(
  "@show/server is server-only: it holds your session secret and the show's database. Call its routes from the browser instead.",
);
