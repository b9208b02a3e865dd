/**
 * The servers of bench:fetch, in their own process so that their arrival times are not held up by the
 * audit's work on the event loop (which would squeeze the measured gaps between requests). Driven over
 * IPC by bench/fetch.ts: `start` with each host's address and latency per path, `log`, `close`.
 */
import { startFaultServer, type FaultServer } from '../test/helpers/fault-server.js';

type Message =
  | { type: 'start'; hosts: Array<{ address: string; latencies: Record<string, number> }> }
  | { type: 'log' }
  | { type: 'close' };

let servers: FaultServer[] = [];
process.on('message', async (message: Message) => {
  if (message.type === 'start') {
    servers = await Promise.all(
      message.hosts.map((h) => startFaultServer({ address: h.address, latency: (path) => h.latencies[path] ?? 0 })),
    );
    process.send!({ type: 'started', urls: servers.map((s) => s.url) });
  } else if (message.type === 'log') {
    process.send!({ type: 'log', seen: servers.map((s) => s.seen.map((r) => ({ at: r.at, inFlight: r.inFlight }))) });
  } else {
    await Promise.all(servers.map((s) => s.close()));
    process.exit(0);
  }
});
