import { logToStderr, run } from './run.mjs';
import { which } from './which.mjs';

/**
 * Installs the Debian packages that are missing, when we are root; otherwise fails with one
 * sentence saying what to install.
 * @param {string[]} packages
 * @param {{ why: string, log: (line: string) => void }} options
 */
export async function ensureAptPackages(packages, { why, log }) {
  const missing = [];
  for (const name of packages) {
    const status = await run('dpkg-query', ['-W', '-f=${Status}', name]).catch(() => ({
      text: '',
    }));
    if (!status.text.includes('install ok installed')) missing.push(name);
  }
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    throw new Error(
      `${why} needs ${missing.join(', ')}: install with \`sudo apt-get install -y ${missing.join(' ')}\`.`,
    );
  }
  log(`installing ${missing.join(', ')} with apt-get for ${why} (first run only)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const result = await run('apt-get', args, { env });
    if (result.code !== 0)
      throw new Error(`apt-get ${args.join(' ')} failed:\n${result.text.slice(-2000)}`);
  }
}

/**
 * The path of `command`, installing Debian's `aptPackage` first when it is not on the PATH.
 * @param {string} command
 * @param {string} aptPackage
 * @param {string} why what needs it, for the install's log line
 * @returns {Promise<string>}
 */
export async function ensureAptCommand(command, aptPackage, why) {
  const found = which(command);
  if (found) return found;
  await ensureAptPackages([aptPackage], { why, log: logToStderr });
  const installed = which(command);
  if (!installed) {
    throw new Error(`apt-get installed ${aptPackage} but ${command} is not on the PATH.`);
  }
  return installed;
}
