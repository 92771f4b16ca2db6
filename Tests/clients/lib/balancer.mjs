// A small load balancer in front of several FirstLine nodes, as a customer's browser would meet them: plain HTTP
// requests go to one node, WebSocket upgrades (the Direct Line stream) to another, and either can be switched
// while clients are connected (a node taken out of the pool). The Host header is kept, so the stream URL a node
// returns points at the balancer, as behind a real one.
import { request } from 'node:http';
import { createServer } from 'node:http';
import { connect } from 'node:net';

export class Balancer {
  /** @param {{ http: string, stream: string }} targets base URLs of the nodes, e.g. http://127.0.0.1:5081 */
  constructor(targets, log = () => {}) {
    this.targets = { ...targets };
    this.log = log;
    this.sockets = new Set();
    /** How many requests and streams each node got, e.g. { 'http http://127.0.0.1:5081': 3 }. */
    this.counts = {};
    this.server = createServer((req, res) => this.#forward(req, res));
    this.server.on('upgrade', (req, socket, head) => this.#tunnel(req, socket, head));
  }

  async listen() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${this.server.address().port}`;
    this.log(`balancer on ${this.url}: HTTP → ${this.targets.http}, streams → ${this.targets.stream}`);
    return this.url;
  }

  /** Sends everything from now on to `target` (open streams stay where they are until their node drops them). */
  switchAllTo(target) {
    this.targets = { http: target, stream: target };
    this.log(`balancer: everything → ${target}`);
  }

  async close() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  count(kind, target) {
    return this.counts[`${kind} ${target}`] ?? 0;
  }

  #counted(kind, target) {
    this.counts[`${kind} ${target}`] = this.count(kind, target) + 1;
    return new URL(target);
  }

  #forward(req, res) {
    const target = this.#counted('http', this.targets.http);
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        this.log(`balancer: ${req.method} ${req.url.replace(/\?.*/, '')} → ${target.origin} ${answer.statusCode}`);
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      this.log(`balancer: ${req.method} ${req.url} → ${target.origin} failed: ${error.code ?? error.message}`);
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  }

  #tunnel(req, socket, head) {
    const target = this.#counted('stream', this.targets.stream);
    this.log(`balancer: stream → ${target.origin}`);
    const upstream = connect(Number(target.port), target.hostname, () => {
      const headers = Object.entries(req.headers).map(([name, value]) => `${name}: ${value}`).join('\r\n');
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
      if (head?.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    this.sockets.add(socket);
    this.sockets.add(upstream);
    const end = () => {
      socket.destroy();
      upstream.destroy();
      this.sockets.delete(socket);
      this.sockets.delete(upstream);
    };
    upstream.on('error', end);
    upstream.on('close', end);
    socket.on('error', end);
    socket.on('close', end);
  }
}
