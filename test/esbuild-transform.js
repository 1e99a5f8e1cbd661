// Jest transformer: TypeScript → CommonJS with esbuild (fast; no type checking here). The cache key is Jest's own
// (source, file, config and options such as `instrument`), so a coverage run never reuses uninstrumented output.
const { transformSync, version } = require('esbuild');
const { default: createCacheKey } = require('@jest/create-cache-key-function');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
  getCacheKey: createCacheKey([__filename], [version]),
};
