// Jest transformer: TypeScript -> CommonJS with esbuild. Type checking is `tsc --noEmit`'s job.
const { transformSync } = require('esbuild');
const crypto = require('crypto');

module.exports = {
  process(source, filename) {
    const out = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: out.code };
  },
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update(source).update(filename).update('v1').digest('hex');
  },
};
