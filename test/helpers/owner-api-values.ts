/**
 * The credentials and dates the owner-API test servers and their tests share (never real ones).
 */

export const KEY = 'AIzaTestKey-not-real-0123456789abcdefghij';
export const TOKEN = 'EAATestToken0123456789abcdefghijklmnopqrstu';
export const BEARER = 'AAAAAAAAAAAAAAAAAAAAATestBearer0123456789abcdefgh';
export const CHANNEL = 'UCabcdefghijklmnopqrstuv';
export const day = (n: number, hour = 12) => new Date(Date.UTC(2026, 9, 31 - n, hour)).toISOString();
export const later = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
