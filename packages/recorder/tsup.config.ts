import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// Node only: `local` (the recorder on rtc-node and ffmpeg) is its own entry, so the Egress client
// and the show-following glue never load the native module.
export default defineConfig(
  packageConfig({
    entry: { index: 'src/index.ts', local: 'src/local.ts' },
    platform: 'node',
    external: ['@livekit/rtc-node', '@aws-sdk/client-s3', '@aws-sdk/lib-storage'],
  }),
);
