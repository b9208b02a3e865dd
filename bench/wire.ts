/**
 * Politeness where the host sees it (issue 19, item 1): a loopback packet capture with tcpdump of the
 * packets whose TCP payload starts with "GET " — the moment each request's bytes leave for a server —
 * and the gaps between them per server, from the packets' own timestamps. Needs tcpdump (Debian
 * package `tcpdump`) and the right to capture on `lo`; without them the caller is told why.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

/** Why a capture cannot run here, or null when it can. */
export function wireUnavailable(): string | null {
  const probe = spawnSync('tcpdump', ['--version'], { encoding: 'utf8' });
  if (probe.error) return 'tcpdump is not installed (Debian: apt-get install tcpdump)';
  return null;
}

export interface Capture {
  /** Stops the capture and returns each request packet's time (s) by destination "ip.port". */
  stop(): Promise<Map<string, number[]>>;
}

/** Starts capturing request packets to 127.0.0.0/8; resolves once tcpdump is listening. */
export async function startCapture(): Promise<Capture> {
  const child: ChildProcess = spawn(
    'tcpdump',
    [
      '-i',
      'lo',
      '-nn',
      '-tt',
      '-l',
      '-q',
      // TCP packets to loopback whose payload begins with "GET "
      'tcp and dst net 127.0.0.0/8 and (tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x47455420)',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      if (/listening on/.test(err)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`tcpdump exited (${code}): ${err.trim().slice(0, 200)}`)));
  });
  return {
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      child.kill('SIGINT');
      await exited;
      const byDestination = new Map<string, number[]>();
      // "1764626400.123456 IP 127.0.0.1.54321 > 127.0.0.5.40001: tcp 123"
      for (const line of out.split('\n')) {
        const m = /^(\d+\.\d+) IP \S+ > (\d+\.\d+\.\d+\.\d+\.\d+): /.exec(line);
        if (!m) continue;
        const list = byDestination.get(m[2]!) ?? [];
        list.push(Number(m[1]));
        byDestination.set(m[2]!, list);
      }
      return byDestination;
    },
  };
}

/** Request starts closer than `intervalMs` on the wire, over all destinations. */
export function wireViolations(
  starts: Map<string, number[]>,
  intervalMs: number,
): { count: number; worstMs: number | null } {
  let count = 0;
  let worst: number | null = null;
  for (const times of starts.values()) {
    const sorted = [...times].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const gap = (sorted[i]! - sorted[i - 1]!) * 1000;
      if (gap < intervalMs) count++;
      worst = worst === null ? gap : Math.min(worst, gap);
    }
  }
  return { count, worstMs: worst };
}

/** A busy loop on another core, as a machine busy with other work: started and stopped by the bench. */
export function startCpuLoad(): () => void {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  return () => child.kill('SIGKILL');
}
