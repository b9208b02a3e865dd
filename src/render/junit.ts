/**
 * JUnit XML for CI dashboards (GitLab, Jenkins, Azure): one test case per profile, plus one for the
 * company-level findings. A case fails where it has findings at or above --fail-on; a profile that
 * could not be measured (blocked, error) and has no failing finding is skipped, with the reason.
 */
import { plural, failsAt, type FailOn, type Finding } from '../model/index.js';
import { escapeXml as x } from './escape.js';
import { cannedText, conversationText, lastPost, profileLabel, sampleSpan, statusText } from './format.js';
import { fromDisplayCopy } from './sanitize.js';
import type { Renderer } from './types.js';

interface Case {
  classname: string;
  name: string;
  findings: Finding[];
  skipped: string | null;
  out: string[];
}

function testcase(c: Case, failOn: FailOn): { xml: string; failed: boolean; skipped: boolean } {
  const failing = c.findings.filter((f) => failsAt(f.severity, failOn));
  const lines = [`    <testcase classname="${x(c.classname)}" name="${x(c.name)}">`];
  if (failing.length > 0) {
    const first = failing[0]!;
    const message =
      failing.length === 1
        ? `${first.code}: ${first.message}`
        : `${plural(failing.length, 'finding')} at or above ${failOn}; first ${first.code}: ${first.message}`;
    const body = failing.map((f) => `[${f.severity}] ${f.code}: ${f.message}\n  → ${f.recommendation}`).join('\n');
    lines.push(`      <failure message="${x(message)}" type="${x(first.code)}">${x(body)}</failure>`);
  } else if (c.skipped) {
    lines.push(`      <skipped message="${x(c.skipped)}"/>`);
  }
  const out = [...c.out, ...c.findings.map((f) => `[${f.severity}] ${f.code}: ${f.message}`)];
  if (out.length > 0) lines.push(`      <system-out>${x(out.join('\n'))}</system-out>`);
  lines.push('    </testcase>');
  return { xml: lines.join('\n'), failed: failing.length > 0, skipped: failing.length === 0 && c.skipped !== null };
}

export const renderJunit: Renderer = fromDisplayCopy((report, options) => {
  const cases: Case[] = [
    {
      classname: 'channel-audit.company',
      name: `${report.company} (company)`,
      findings: report.findings,
      skipped: null,
      out: [],
    },
    ...report.profiles.map((p) => ({
      classname: `channel-audit.${p.platform ?? 'unknown'}`,
      name: `${profileLabel(p)} (${p.url})`,
      findings: p.findings,
      skipped:
        p.status === 'blocked' || p.status === 'error' ? `${p.status}: ${p.statusReason ?? 'not measured'}` : null,
      out: [
        `status: ${statusText(p)}${p.statusReason ? ` (${p.statusReason})` : ''}`,
        `verdict: ${p.verdict} — ${p.verdictReason}`,
        `last post: ${lastPost(p)}; conversation: ${conversationText(p.metrics)}; canned: ${cannedText(p.metrics)}; sample: ${sampleSpan(p, report.settings.windowDays)}; score: ${p.scores.overall ?? '—'}`,
      ],
    })),
  ];
  const rendered = cases.map((c) => testcase(c, options.failOn));
  const failures = rendered.filter((r) => r.failed).length;
  const skipped = rendered.filter((r) => r.skipped).length;
  const counts = `tests="${rendered.length}" failures="${failures}" errors="0"`;
  const suite = `channel-audit: ${report.company}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(suite)}" ${counts}>`,
    `  <testsuite name="${x(suite)}" ${counts} skipped="${skipped}" timestamp="${x(report.generatedAt.replace(/\.\d+Z$/, ''))}">`,
    ...rendered.map((r) => r.xml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
});
