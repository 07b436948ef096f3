import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the APIs to the gateway of `./codeflix up` (port 8080).
const gateway = process.env.CODEFLIX_GATEWAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  // dash.js (820 KB) and hls.js (560 KB) are chunks of their own, loaded only by the player:
  // the warning is for chunks every page loads.
  build: { outDir: 'dist', sourcemap: true, target: 'es2022', chunkSizeWarningLimit: 900 },
  server: {
    proxy: Object.fromEntries(['/api', '/realms', '/media', '/trailers', '/images'].map((path) => [path, gateway])),
  },
  test: { environment: 'jsdom' },
});
