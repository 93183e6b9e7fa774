/**
 * Builds the renderer into dist/renderer. `base: './'` keeps every asset path relative, so the
 * same build loads from app://parterre/ in Electron and from the browser-mode server.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}../dist/renderer`,
    emptyOutDir: true,
    // A desktop app loads from disk: one chunk per vendor is not worth the extra requests.
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
