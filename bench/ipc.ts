/** Talking to a benchmark's server process: send a message and wait for its answer of one type. */
import type { ChildProcess } from 'node:child_process';

export function ask<T>(child: ChildProcess, message: object, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (reply: { type: string }) => {
      if (reply.type !== type) return;
      child.off('message', on);
      resolve(reply as T);
    };
    child.on('message', on);
    child.send(message);
  });
}
