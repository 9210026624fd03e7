import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

export default defineConfig([
  packageConfig({
    platform: 'browser',
    external: ['react', 'react-dom', 'livekit-client', '@livekit/components-react'],
    // Every export is a client component or hook: mark the bundles for React Server Components.
    banner: { js: "'use client';" },
  }),
  {
    entry: { styles: 'src/styles/index.css' },
    outDir: 'dist',
    clean: false,
  },
]);
