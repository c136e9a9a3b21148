import { defineConfig, type Plugin } from 'vite';
import { persistedManifest } from './src/operations/manifest.ts';

/** Writes the console's documents by hash beside its pages, for the gateway to persist. */
const persistedOperations = (): Plugin => ({
  name: 'persisted-operations',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'persisted-operations.json',
      source: `${JSON.stringify(persistedManifest(), null, 2)}\n`,
    });
  },
});

/**
 * The console is built into `web/dist`, which the gateway serves at `/` and
 * `/assets/*`. Everything it needs is bundled: no CDN, no web font.
 */
export default defineConfig({
  base: '/',
  plugins: [persistedOperations()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The gateway gzips what it serves; report what a browser really downloads.
    reportCompressedSize: true,
    // exceljs (about 850 kB, 240 kB gzipped) loads only when someone exports.
    chunkSizeWarningLimit: 900,
  },
});
