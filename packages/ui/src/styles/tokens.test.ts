// @vitest-environment node
// The stylesheet takes every colour, font size, spacing and radius from its design tokens (the
// `--show-*` custom properties at its top): a value written anywhere else fails here, with its line.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const css = readFileSync(new URL('./index.css', import.meta.url), 'utf8');

/** Every declaration outside the custom properties, with its line number (comments removed). */
function declarations(): Array<{ line: number; property: string; value: string }> {
  const found: Array<{ line: number; property: string; value: string }> = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  text.split('\n').forEach((source, index) => {
    const match = /^\s*([a-z-]+)\s*:\s*(.+?);?\s*$/.exec(source);
    if (!match || source.trim().startsWith('--') || /[{}]/.test(source)) return;
    found.push({ line: index + 1, property: match[1]!, value: match[2]! });
  });
  return found;
}

const COLOUR =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|\b(?:white|black|red|green|blue|gray|grey|pink|orange|yellow|purple)\b/i;
const SIZE_PROPERTIES = /^(?:font|font-size)$/;
const SPACE_PROPERTIES =
  /^(?:gap|row-gap|column-gap|padding(?:-[a-z]+)?|margin(?:-[a-z]+)?|inset|top|right|bottom|left)$/;
const REM_OR_PX = /\b\d*\.?\d+(?:rem|px)\b/;

const offenders = (keep: (d: { property: string; value: string }) => boolean) =>
  declarations()
    .filter(keep)
    .map((d) => `line ${d.line}: ${d.property}: ${d.value}`);

test('no colour is written outside the tokens', () => {
  expect(offenders((d) => COLOUR.test(d.value))).toEqual([]);
});

test('font sizes come from the type scale (or are relative to the text: em, %)', () => {
  expect(offenders((d) => SIZE_PROPERTIES.test(d.property) && REM_OR_PX.test(d.value))).toEqual([]);
});

test('spacing comes from the spacing scale (or is relative to the text: em, %, vh)', () => {
  expect(offenders((d) => SPACE_PROPERTIES.test(d.property) && REM_OR_PX.test(d.value))).toEqual(
    [],
  );
});

test('radii come from the radius tokens (50 % for a circle)', () => {
  expect(offenders((d) => d.property === 'border-radius' && REM_OR_PX.test(d.value))).toEqual([]);
});

test('the check finds what it looks for', () => {
  expect(COLOUR.test('color: #fff')).toBe(true);
  expect(COLOUR.test('background: rgb(0 0 0 / 0.5)')).toBe(true);
  expect(COLOUR.test('color: var(--show-color-fg)')).toBe(false);
  expect(REM_OR_PX.test('0.5rem 1rem')).toBe(true);
  expect(REM_OR_PX.test('var(--show-space-2) 0.7em')).toBe(false);
  expect(declarations().length).toBeGreaterThan(300);
});

test("the system's dark mode and data-show-theme='dark' set the same colours", () => {
  /** The declarations between the first `{` after `from` and the next `}`. */
  const body = (from: number) => css.slice(css.indexOf('{', from) + 1, css.indexOf('}', from));
  const media = css.indexOf('@media (prefers-color-scheme: dark)');
  const fromSystem = body(css.indexOf('{', media) + 1);
  const fromAttribute = body(css.indexOf(":where([data-show-theme='dark'])"));
  const declared = (block: string) =>
    block
      .split(';')
      .map((line) => line.trim())
      .filter(Boolean)
      .sort();
  expect(declared(fromSystem)).toEqual(declared(fromAttribute));
  expect(declared(fromSystem).length).toBeGreaterThan(10);
});
