/**
 * The interactive API docs page: Swagger UI from the service's own assets (dist/assets/docs/, copied from
 * swagger-ui-dist by the build; nothing from a CDN) on the document at /openapi.json. Every script is a
 * file of the service, so the policy forbids inline and foreign scripts; Swagger UI styles its elements
 * inline, and its "Try it out" calls this same service.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="${POLICY}">
  <title>API docs · Flex contact centre backend</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="docs/swagger-ui-bundle.js"></script>
  <script src="docs/swagger-ui-standalone-preset.js"></script>
  <script src="docs/docs.js"></script>
</body>
</html>
`;
