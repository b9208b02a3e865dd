/**
 * A credential's value. Printing, logging, serialising or cloning it shows `[secret]`: the value is a
 * private field, and only `reveal()` gives it, at the moment a request is written (http/live.ts).
 */
import { inspect } from 'node:util';

export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[secret]';
  }
  toJSON(): string {
    return '[secret]';
  }
  [inspect.custom](): string {
    return '[secret]';
  }
}
