// Swagger UI on this server's own contract. "Try it out" calls the server that serves this page,
// whatever address the spec's first server names.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    requestInterceptor: function (request) {
      var url = new URL(request.url, window.location.href);
      if (url.hostname === "127.0.0.1" || url.hostname === "localhost") {
        request.url = window.location.origin + url.pathname + url.search;
      }
      return request;
    }
  });
};
