/**
 * Advice per platform (issue 36, item 2): a profile whose public page is walled is told how its owner
 * gets that platform's own data to the audit — a walled LinkedIn page LinkedIn's export, never an X
 * archive — in the client's words, from the one `download.request` of each platform's definition.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/index.js';
import type { PlatformDefinition } from '../src/platforms/define.js';
import { PLATFORM_DEFINITIONS as DEFINED } from '../src/platforms/index.js';
import { ownerRoute } from '../src/platforms/owner-route.js';

const PLATFORM_DEFINITIONS: readonly PlatformDefinition[] = DEFINED;

/** Platform names other than its own a route may name: Threads' posts come in the Instagram download; Instagram's API goes through its Facebook Page. */
const SHARED: Record<string, readonly string[]> = { threads: ['Instagram'], instagram: ['Facebook'] };

const names = PLATFORM_DEFINITIONS.filter((d) => d.download || d.api).map((d) => d.name);

function otherPlatforms(id: string, text: string): string[] {
  const own = PLATFORM_DEFINITIONS.find((d) => d.id === id)!;
  return names.filter((n) => n !== own.name && !(SHARED[id] ?? []).includes(n) && text.includes(n));
}

describe("each platform's owner route", () => {
  it.each(PLATFORM_DEFINITIONS.map((d) => [d.id, d] as const))('%s: names its own route and no other', (id, d) => {
    const route = ownerRoute(id);
    if (!d.download && !d.api) {
      expect(route).toBeNull();
      return;
    }
    expect(route).not.toBeNull();
    // its own platform (or the service it goes through) by name, and nobody else's
    expect(route).toMatch(new RegExp(`${d.name}|${d.api?.service ?? d.name}|takeout`, 'i'));
    expect(otherPlatforms(id, route!)).toEqual([]);
    // the client's words: no inventory syntax
    expect(route).not.toMatch(/`|archive:|posts:|inventory/);
  });

  it("a walled profile of the demo is told its own platform's route, never an X archive", () => {
    const report: Report = JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));
    const walled = report.profiles.filter((p) => p.status === 'blocked');
    expect(walled.map((p) => p.platform)).toContain('linkedin');
    for (const p of walled) {
      const advice = p.findings.find((f) => f.code === 'unverifiable-profile')!.recommendation;
      expect(advice).toBe(
        `Ask the profile's owner for its data: ${ownerRoute(p.platform)} Or check the profile by hand while logged in.`,
      );
      expect(advice).toMatch(/LinkedIn|Page admin/);
      expect(otherPlatforms(p.platform!, advice)).toEqual([]);
      expect(advice).not.toMatch(/X\/Twitter|X archive/);
    }
  });
});
