/**
 * The console's HTML shell. Everything it shows is drawn by the bundled script (src/console, built into the
 * assets as /console/app.js and /console/app.css); the page itself holds no data and no secret, so it is the
 * same for everyone. Its assets are addressed relative to the page (as the script addresses the API), so the
 * same page works at a Twilio domain's /console and under the emulator's gateway prefix. The policy keeps the page to its own scripts and API: recordings play from Twilio's (or
 * the emulator's) media host, so media may come from elsewhere.
 */
export const CONSOLE_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self' https: http:; connect-src 'self'; base-uri 'none'; form-action 'self'">
  <title>Contact centre console</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="console/app.css">
  <script src="console/app.js" defer></script>
</head>
<body>
  <a class="skip-link" href="#main">Skip to content</a>
  <header class="top">
    <h1>Contact centre console</h1>
    <div id="session" class="session"></div>
  </header>
  <main id="main" tabindex="-1">
    <noscript><p>The console needs JavaScript.</p></noscript>
    <p id="loading" role="status">Loading the console…</p>
  </main>
</body>
</html>
`;
