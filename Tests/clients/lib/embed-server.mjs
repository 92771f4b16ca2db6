// A customer's own website on ANOTHER origin that embeds Web Chat and points `domain` at FirstLine,
// so the browser enforces CORS (preflights with Authorization, x-ms-bot-agent, X-Requested-With).
import { createServer } from 'node:http';

export function embedPageHtml({ firstLineUrl, directLineDomain, token }) {
  const config = JSON.stringify({ domain: directLineDomain, token });
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Some company website embedding FirstLine</title>
  <style>html, body { height: 100%; margin: 0 } #webchat { height: 100% }</style>
</head>
<body>
  <div id="webchat" role="main"></div>
  <script src="${firstLineUrl}/lib/webchat.js"></script>
  <script>
    const config = ${config};
    window.WebChat.renderWebChat(
      { directLine: window.WebChat.createDirectLine(config), locale: 'en-US' },
      document.getElementById('webchat'));
  </script>
</body>
</html>`;
}

/** Serves one HTML page on 127.0.0.1 and an ephemeral port (a different origin from FirstLine's). */
export async function startEmbedServer(html) {
  const server = createServer((request, response) => {
    if (request.url === '/' || request.url?.startsWith('/?')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    // The browser keeps connections alive; close them too, or close() waits for their idle timeout.
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}
