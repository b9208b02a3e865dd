/** Human wording of time spans and ratios used in finding messages. */

export function ago(days: number): string {
  if (days < 1) return 'today';
  if (days < 2) return '1 day ago';
  if (days < 60) return `${Math.floor(days)} days ago`;
  if (days < 730) return `${Math.floor(days / 30.44)} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'unknown date';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
