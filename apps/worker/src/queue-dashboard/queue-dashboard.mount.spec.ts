import { readFileSync } from 'node:fs';
import { DASHBOARD_CSP, withoutRemoteFonts } from './queue-dashboard.mount';

describe('the queue dashboard page', () => {
  // The installed Bull Board's own template: an upgrade that links fonts differently fails here.
  const template = readFileSync(require.resolve('@bull-board/ui/dist/index.ejs'), 'utf8');

  it('loses the remote font stylesheet and keeps everything else', () => {
    expect(template).toContain('fonts.googleapis.com');
    const page = withoutRemoteFonts(template);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).toContain('<link href="static/css/');
    expect(template.length - page.length).toBeLessThan(200);
  });

  it('allows inline styles but no inline or foreign script', () => {
    expect(DASHBOARD_CSP).toContain("style-src 'self' 'unsafe-inline'");
    expect(DASHBOARD_CSP).toContain("script-src 'self';");
    expect(DASHBOARD_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https:/);
  });
});
