import { ensureFfmpeg } from '@show/harness';

/** The recorder needs ffmpeg before the first show goes live. */
export default async function globalSetup() {
  await ensureFfmpeg();
}
