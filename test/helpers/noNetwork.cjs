// Preloaded into the CLI by the no-network test: every way Node can reach the network is replaced
// by a function that records the attempt in $PLANTRYKK_NET_LOG and fails.
const fs = require('node:fs');
const log = process.env.PLANTRYKK_NET_LOG;
const record = (what) => {
  if (log) fs.appendFileSync(log, `${what}\n`);
  throw new Error(`network access attempted: ${what}`);
};
const net = require('node:net');
net.Socket.prototype.connect = function connect() { return record('net.Socket.connect'); };
const dns = require('node:dns');
dns.lookup = () => record('dns.lookup');
dns.promises.lookup = async () => record('dns.promises.lookup');
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = () => record(`${mod}.request`);
  m.get = () => record(`${mod}.get`);
}
globalThis.fetch = async (url) => record(`fetch ${String(url)}`);
