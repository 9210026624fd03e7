import { run as runCommand } from '@show/harness';

/**
 * Runs a command that must succeed; a failure throws with the end of its output.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<string>} its output
 */
export async function run(command, args, options) {
  const { code, text } = await runCommand(command, args, options);
  if (code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) exited ${code}:\n${text.slice(-6000)}`,
    );
  }
  return text;
}

/**
 * Runs a command that must fail, and returns what it said.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 */
export async function runExpectingFailure(command, args, options) {
  const { code, text } = await runCommand(command, args, options);
  if (code === 0) throw new Error(`${command} ${args.join(' ')} succeeded; it should have failed`);
  return text;
}
