// The design tokens as swatches, read from the stylesheet itself, so this page cannot drift from it.
import stylesheet from '@show/ui/styles.css?raw';
import type { CSSProperties } from 'react';

interface Token {
  name: string;
  /** As the light theme (or both) sets it, and as the dark theme does where it differs. */
  value: string;
  dark?: string | undefined;
}

/** The dark theme's own block (quoted or not, as a minifier left it). */
const DARK_BLOCK = /:where\(\[data-show-theme=['"]?dark['"]?\]\)\s*\{/;

/** The declarations `--show-*: value;` of one block of the stylesheet. */
function declared(block: string): Array<[string, string]> {
  return [...block.matchAll(/(--show-[a-z0-9-]+):\s*([^;]+);/g)].map(([, name, value]) => [
    name!,
    value!.replace(/\s+/g, ' '),
  ]);
}

/** Every token the stylesheet's top blocks set, in their order, with its dark value. */
function tokens(): Token[] {
  const top = stylesheet.slice(0, stylesheet.indexOf('.show-'));
  const darkStart = top.search(DARK_BLOCK);
  const dark = new Map(declared(top.slice(darkStart, top.indexOf('}', darkStart))));
  const found = new Map<string, Token>();
  for (const [name, value] of declared(top)) {
    if (!found.has(name)) found.set(name, { name, value, dark: dark.get(name) });
  }
  return [...found.values()];
}

const cell: CSSProperties = {
  padding: '6px 8px',
  borderBottom: '1px solid var(--show-color-line)',
};
const code: CSSProperties = { fontSize: 12 };

/** A box drawn with the token: a swatch, a bar or a corner. */
const box = (style: CSSProperties) => (
  <span style={{ display: 'inline-block', width: 48, height: 28, ...style }} />
);

function Sample({ token }: { token: Token }) {
  const v = `var(${token.name})`;
  const name = token.name;
  if (/^--show-(color|stage)-/.test(name)) {
    return box({ borderRadius: 6, background: v, border: '1px solid var(--show-color-line)' });
  }
  if (name.startsWith('--show-text-')) return <span style={{ fontSize: v }}>Merino scarf</span>;
  if (name.startsWith('--show-space-')) {
    return box({ width: v, height: 12, background: 'var(--show-color-accent)' });
  }
  if (name.startsWith('--show-radius')) {
    return box({ borderRadius: v, border: '2px solid var(--show-color-fg)' });
  }
  if (name === '--show-font') return <span style={{ fontFamily: v }}>Live from the studio</span>;
  return null;
}

/** One table of the tokens whose names start with `prefix`, shown in the light and the dark theme. */
export function TokenTable({ prefix }: { prefix: string }) {
  const rows = tokens().filter((t) => t.name.startsWith(prefix));
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontFamily: 'var(--show-font)' }}>
      <thead>
        <tr>
          <th style={cell}>token</th>
          <th style={cell}>value (light / dark)</th>
          <th style={cell} data-show-theme="light">
            light
          </th>
          <th style={cell} data-show-theme="dark">
            dark
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((token) => (
          <tr key={token.name}>
            <td style={cell}>
              <code style={code}>{token.name}</code>
            </td>
            <td style={cell}>
              <code style={code}>
                {token.dark && token.dark !== token.value
                  ? `${token.value} / ${token.dark}`
                  : token.value}
              </code>
            </td>
            {(['light', 'dark'] as const).map((theme) => (
              <td
                key={theme}
                data-show-theme={theme}
                style={{
                  ...cell,
                  background: 'var(--show-color-bg)',
                  color: 'var(--show-color-fg)',
                }}
              >
                <Sample token={token} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
