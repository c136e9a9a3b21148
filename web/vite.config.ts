import { defineConfig } from 'vite';

/**
 * The console is built into `web/dist`, which the gateway serves at `/` and
 * `/assets/*`. Everything it needs is bundled: no CDN, no web font.
 */
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The gateway gzips what it serves; report what a browser really downloads.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 800,
  },
});
