/**
 * GET /console over HTTP: the page is public HTML that loads the console's bundle from the service's own
 * assets (nothing from elsewhere), and the bundle and stylesheet are served beside it.
 */
import { useService } from '../support/service';

const s = useService();

describe('GET /console', () => {
  it('answers the console page without credentials, loading its script and stylesheet from the assets', async () => {
    const res = await s().get<string>('/console');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toMatch(/^<!doctype html>/);
    expect(res.text).toContain('<script src="console/app.js" defer></script>');
    expect(res.text).toContain('<link rel="stylesheet" href="console/app.css">');
    // Every script, style and request stays on the service's own origin, addressed relative to the page so
    // the page also works under a path prefix (the emulator's gateway).
    expect(res.text).not.toMatch(/(src|href)="(https?:|\/)/);
    expect(res.text).toContain("script-src 'self'");
  });

  it('serves the bundle, with the chart library inside it, and the stylesheet', async () => {
    const js = await s().get('/console/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    // Chart.js names its registry errors with this text; its presence shows the library is bundled in.
    expect(js.text).toContain('is not a registered');
    expect(js.text).not.toMatch(/\brequire\(|\bimport\s*\(/);
    const css = await s().get('/console/app.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(css.text).toContain('.chart-box');
  });
});
