/** What every page shows until the three LiveKit variables are set: one line per problem. */
export function NotConfigured({ title, problems }: { title: string; problems: string[] }) {
  return (
    <main className="page">
      <h1>{title}</h1>
      <p>The demo is not configured yet:</p>
      <ul aria-label="Configuration problems">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </main>
  );
}
