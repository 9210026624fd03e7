// The READMEs' code examples, as the files they say they are. Each ```ts or ```tsx block in a
// package's README starts with `// <path>: what it is`; the consumer test writes it to that path
// in a fresh app and builds it, so an example that stops compiling fails CI.
import { readFileSync } from 'node:fs';

const BLOCK = /^```(ts|tsx)\n([\s\S]*?)^```$/gm;
const PATH = /^\/\/ ((?:[\w.\-[\]]+\/)*[\w.\-[\]]+\.tsx?)(?::|$)/;

/**
 * @typedef {object} ReadmeExample
 * @property {string} readme the README it came from
 * @property {string} path where it goes in the app, e.g. `app/show/Viewer.tsx`
 * @property {string} code the block, verbatim
 */

/**
 * @param {string[]} readmes paths of README files
 * @returns {ReadmeExample[]}
 * @throws when a block does not name its file, or two blocks name the same one
 */
export function readmeExamples(readmes) {
  /** @type {ReadmeExample[]} */
  const examples = [];
  for (const readme of readmes) {
    const text = readFileSync(readme, 'utf8');
    for (const match of text.matchAll(BLOCK)) {
      const code = /** @type {string} */ (match[2]);
      const path = PATH.exec(code.split('\n', 1)[0] ?? '')?.[1];
      if (!path) {
        throw new Error(
          `${readme}: a \`\`\`${match[1]} block does not start with "// <its path>: …" (so it cannot be compiled):\n${code.slice(0, 200)}`,
        );
      }
      const twin = examples.find((example) => example.path === path);
      if (twin) throw new Error(`${readme} and ${twin.readme} both write ${path}`);
      examples.push({ readme, path, code });
    }
  }
  return examples;
}
