// Starts Swagger UI on the service's own API description. A file rather than an inline script, so the page
// can forbid inline scripts in its Content-Security-Policy.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    // Relative to the page (/docs), so it works under any domain the service is deployed to.
    url: 'openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    // Swagger's public validator would send the document to a third party.
    validatorUrl: null,
    // A dev token survives a reload of the page (kept in this browser's local storage).
    persistAuthorization: true,
  });
});
