// Jest transformer: TypeScript → CommonJS with esbuild (fast; no type checking here).
const crypto = require('crypto');
const { transformSync, version } = require('esbuild');

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
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update(version).update(filename).update(source).digest('hex');
  },
};
