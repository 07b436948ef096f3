import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `npm run dev` (http://localhost:5174/admin/) proxies the APIs to the gateway of `./codeflix up`.
const gateway = process.env.CODEFLIX_GATEWAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  // hls.js is a chunk of its own, loaded only by the encoding preview.
  build: { outDir: 'dist', sourcemap: true, target: 'es2022', chunkSizeWarningLimit: 700 },
  server: {
    port: 5174,
    proxy: Object.fromEntries(['/api', '/realms', '/media', '/uploads', '/images'].map((path) => [path, gateway])),
  },
  test: { environment: 'jsdom' },
});
