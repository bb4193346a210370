import { resolve } from 'node:path'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

/**
 * main:     the Electron shell (src-main/electron/main.ts), the backend process it starts as a utilityProcess
 *           (src-main/backend/main.ts: services and SQLite), the job worker, plus the CLI and the browser harness,
 *           which reuse the same services and are built beside it so that `casebinder` runs without a TypeScript loader.
 * preload:  CommonJS, as sandboxed preloads require.
 * renderer: the Vue app; the same build is served by the harness.
 */
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          backend: resolve(__dirname, 'src-main/backend/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/main.ts'),
          harness: resolve(__dirname, 'src-main/harness/main.ts'),
          worker: resolve(__dirname, 'src-main/services/job-worker.ts')
        }
      }
    }
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: [] })],
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') }
    }
  }
})
