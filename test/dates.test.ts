/**
 * The date reader on a table of date strings as feeds, pages and exports write them (issue 22): the
 * forms the feed specifications document (RFC 822/1123/5322, RFC 3339, W3C-DTF, ISO 8601, JSON Feed),
 * the deviations feed libraries test themselves with, the localised forms blogs publish, and garbage.
 * Each with the UTC instant it must be read as, or null. Written for this project; no feed's text is copied.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import { feedTimeline } from '../src/platforms/feed/timeline.js';
import { parseFeed } from '../src/platforms/feed/parse.js';
import { fullYear, parseDate } from '../src/sources/dates.js';
import { toIso } from '../src/sources/text.js';
import { AS_OF, makePost, makeTimeline, settings } from './helpers/builders.js';
import { seeded } from '../bench/seeded.js';

const CASES: Array<[string, string | null, string?]> = [
  // ---- RFC 822 / 1123 / 5322 (RSS pubDate) ----
  ['Sat, 07 Sep 2002 00:00:01 GMT', '2002-09-07T00:00:01.000Z', 'RSS 2.0 specification example'],
  ['Sat, 07 Sep 2002 09:42:31 GMT', '2002-09-07T09:42:31.000Z'],
  ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
  ['Tue, 10 Jun 2003 09:41:01 GMT', '2003-06-10T09:41:01.000Z'],
  ['Fri, 21 Nov 1997 09:55:06 -0600', '1997-11-21T15:55:06.000Z', 'RFC 5322 appendix A'],
  ['Tue, 1 Jul 2003 10:52:37 +0200', '2003-07-01T08:52:37.000Z', 'RFC 5322, one-digit day'],
  ['Thu, 13 Feb 1969 23:32:54 -0330', '1969-02-14T03:02:54.000Z', 'RFC 5322, a half-hour zone'],
  ['Mon, 02 Mar 2009 08:09:33 +0000', '2009-03-02T08:09:33.000Z'],
  ['Sat, 13 Jan 2018 08:00:00 EST', '2018-01-13T13:00:00.000Z'],
  ['Wed, 17 Jan 2018 15:50:00 EDT', '2018-01-17T19:50:00.000Z'],
  ['Fri, 21 Jul 2023 20:58:43 GMT', '2023-07-21T20:58:43.000Z'],
  ['Sun, 06 Nov 1994 08:49:37 GMT', '1994-11-06T08:49:37.000Z', 'RFC 9110 IMF-fixdate'],
  ['Sun, 06 Nov 1994 08:49:37 UT', '1994-11-06T08:49:37.000Z'],
  ['Sun, 06 Nov 1994 08:49:37 UTC', '1994-11-06T08:49:37.000Z'],
  ['Sun, 06 Nov 1994 08:49:37 Z', '1994-11-06T08:49:37.000Z'],
  ['06 Nov 1994 08:49:37 GMT', '1994-11-06T08:49:37.000Z', 'no weekday'],
  ['6 Nov 1994 08:49:37 GMT', '1994-11-06T08:49:37.000Z', 'no weekday, one-digit day'],
  ['Sun, 6 Nov 1994 8:49:37 GMT', '1994-11-06T08:49:37.000Z', 'one-digit hour'],
  ['Sun, 06 Nov 1994 08:49 GMT', '1994-11-06T08:49:00.000Z', 'no seconds'],
  ['Sun, 06 Nov 1994', '1994-11-06T00:00:00.000Z', 'no time'],
  ['Sunday, 06 November 1994 08:49:37 GMT', '1994-11-06T08:49:37.000Z', 'full names'],
  ['Mon, 26 January 2004 16:31:00 EST', '2004-01-26T21:31:00.000Z'],
  ['Sun, 06 Nov 94 08:49:37 GMT', '1994-11-06T08:49:37.000Z', 'two-digit year, 50–99'],
  ['Thu, 01 Jan 04 19:48:21 GMT', '2004-01-01T19:48:21.000Z', 'two-digit year, 00–49'],
  ['Mon, 13 Feb, 2012 06:28:00 UTC', '2012-02-13T06:28:00.000Z', 'a comma after the month'],
  ['Sun, 06 Nov 1994 08:49:37 +0100 (CET)', '1994-11-06T07:49:37.000Z', 'a comment after the zone'],
  ['Sun, 06 Nov 1994 08:49:37 +01:00', '1994-11-06T07:49:37.000Z', 'a colon in the offset'],
  ['Wed, 19 Feb 2012 22:40:00 GMT-01:01', '2012-02-19T23:41:00.000Z'],
  ['Wed, 19 Feb 2012 22:40:00 GMT+2', '2012-02-19T20:40:00.000Z'],
  ['Wed, 19 Feb 2012 22:40:00 UTC+05:30', '2012-02-19T17:10:00.000Z'],
  ['Wed, 19 Aug 2009 18:28:00 Etc/GMT', '2009-08-19T18:28:00.000Z'],
  ['Wed, 19 Aug 2009 18:28:00 Etc/GMT+5', '2009-08-19T23:28:00.000Z', 'POSIX sign: five hours behind'],
  ['Wed, 19 Aug 2009 18:28:00 Etc/GMT-3', '2009-08-19T15:28:00.000Z'],
  ['Sun, 06 Nov 1994 08:49:37 +0000GMT', null, 'two zones'],
  ['Sun, 06 Nov 1994 08:49:37', '1994-11-06T08:49:37.000Z', 'no zone: UTC'],
  ['Sun,06 Nov 1994 08:49:37 GMT', null, 'no space after the comma'],
  // US and other named zones
  ['Mon, 26 Jan 2004 16:31:00 AT', '2004-01-26T20:31:00.000Z'],
  ['Mon, 26 Jan 2004 16:31:00 ET', '2004-01-26T21:31:00.000Z'],
  ['Mon, 26 Jan 2004 16:31:00 CT', '2004-01-26T22:31:00.000Z'],
  ['Mon, 26 Jan 2004 16:31:00 MT', '2004-01-26T23:31:00.000Z'],
  ['Mon, 26 Jan 2004 16:31:00 PT', '2004-01-27T00:31:00.000Z'],
  ['Mon, 26 Jan 2004 16:31:00 AST', '2004-01-26T20:31:00.000Z'],
  ['Mon, 26 Jul 2004 16:31:00 ADT', '2004-07-26T19:31:00.000Z'],
  ['Mon, 26 Jan 2004 16:31:00 CST', '2004-01-26T22:31:00.000Z'],
  ['Mon, 26 Jul 2004 16:31:00 CDT', '2004-07-26T21:31:00.000Z'],
  ['Mon, 26 Jan 2004 16:31:00 MST', '2004-01-26T23:31:00.000Z'],
  ['Mon, 26 Jul 2004 16:31:00 MDT', '2004-07-26T22:31:00.000Z'],
  ['Mon, 26 Jan 2004 16:31:00 PST', '2004-01-27T00:31:00.000Z'],
  ['Mon, 26 Jul 2004 16:31:00 PDT', '2004-07-26T23:31:00.000Z'],
  ['Mon, 26 Jan 2004 16:31:00 AKST', '2004-01-27T01:31:00.000Z'],
  ['Mon, 26 Jan 2004 16:31:00 HST', '2004-01-27T02:31:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 MET', '2015-04-30T07:57:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 MEST', '2015-04-30T06:57:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 CET', '2015-04-30T07:57:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 CEST', '2015-04-30T06:57:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 BST', '2015-04-30T07:57:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 EET', '2015-04-30T06:57:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 JST', '2015-04-29T23:57:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 KST', '2015-04-29T23:57:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 IST', '2015-04-30T03:27:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 AEST', '2015-04-29T22:57:00.000Z'],
  ['Thu, 30 Apr 2015 08:57:00 BRT', '2015-04-30T11:57:00.000Z'],
  // RFC 822's military zones, as RFC 822 defines them
  ['Wed, 02 Oct 2002 08:00:00 A', '2002-10-02T09:00:00.000Z'],
  ['Wed, 02 Oct 2002 08:00:00 M', '2002-10-02T20:00:00.000Z'],
  ['Wed, 02 Oct 2002 08:00:00 N', '2002-10-02T07:00:00.000Z'],
  ['Wed, 02 Oct 2002 08:00:00 Y', '2002-10-01T20:00:00.000Z'],
  ['Wed, 02 Oct 2002 08:00:00 J', null, 'J is not a zone'],
  ['Wed, 02 Oct 2002 08:00:00 XYZ', null, 'an unknown zone name'],
  // garbage in RFC 822 clothing
  ['Sun, 16 Dec 2012 1:2:3:4 GMT', null, 'four-part time'],
  ['Sun, 16 zzz 2012 11:47:32 GMT', null, 'no such month'],
  ['Sun, Dec x 2012 11:47:32 GMT', null, 'no day'],
  ['Sun, 16 Dec zz 11:47:32 GMT', null, 'no year'],
  ['Sun, 16 Dec 2012 11:47:32 +zz:00', null, 'letters in the offset hours'],
  ['Sun, 16 Dec 2012 11:47:32 +00:zz', null, 'letters in the offset minutes'],
  ['Sun, 99 Jun 2009 12:00:00 GMT', null, 'day 99'],
  ['Sun, 31 Jun 2009 12:00:00 GMT', null, 'June has 30 days'],
  ['Sun, 29 Feb 2009 12:00:00 GMT', null, '2009 is no leap year'],
  ['Sun, 29 Feb 2004 12:00:00 GMT', '2004-02-29T12:00:00.000Z', 'a leap day'],
  ['Sun, 31 Dec 9999 23:59:59 -9999', null, 'an offset of 99 hours'],
  ['Sun, 16 Dec 2012 24:00:00 GMT', null, 'hour 24'],
  ['Sun, 16 Dec 2012 11:60:00 GMT', null, 'minute 60'],
  ['Funday, 16 Dec 2012 11:47:32 GMT', null, 'no such weekday'],
  ['Thu, 01 Jan 0100 00:00:01 +0100', '0099-12-31T23:00:01.000Z', 'ancient, read as written (staleness rejects it)'],
  // ---- asctime, JavaScript's Date#toString, US, Perforce ----
  ['Sun Nov  6 08:49:37 1994', '1994-11-06T08:49:37.000Z', 'asctime'],
  ['Sun Jan 4 16:29:06 2004', '2004-01-04T16:29:06.000Z'],
  ['Sun Jul 15 01:16:00 +0000 2012', '2012-07-15T01:16:00.000Z', 'the Twitter API form'],
  ['Wed Oct 10 20:19:24 +0000 2018', '2018-10-10T20:19:24.000Z', "X archive's created_at"],
  ['Thu Aug 30 2012 17:26:16 +0200', '2012-08-30T15:26:16.000Z'],
  ['Mon Aug 27 2012 12:13:35 GMT-0700 (PDT)', '2012-08-27T19:13:35.000Z', 'Date#toString'],
  ['Sun Nov 31 08:49:37 1994', null, 'November has 30 days'],
  ['January 26, 2004', '2004-01-26T00:00:00.000Z', 'US style'],
  ['Jan 26, 2004', '2004-01-26T00:00:00.000Z'],
  ['January 26th, 2004', '2004-01-26T00:00:00.000Z'],
  ['March 1st, 2024', '2024-03-01T00:00:00.000Z'],
  ['Apr 26, 2013 11:30:00 AM EST', '2013-04-26T16:30:00.000Z'],
  ['Apr 26, 2013 11:30 PM', '2013-04-26T23:30:00.000Z'],
  ['Apr 26, 2013 12:05 AM', '2013-04-26T00:05:00.000Z', 'midnight on a 12-hour clock'],
  ['Apr 26, 2013 12:05 PM', '2013-04-26T12:05:00.000Z', 'noon'],
  ['Apr 26, 2013 13:05 PM', null, 'hour 13 on a 12-hour clock'],
  ['Friday, April 26, 2013 at 4:31 pm', '2013-04-26T16:31:00.000Z'],
  ['Fri, 2006/09/15 08:19:53 EDT', '2006-09-15T12:19:53.000Z', 'Perforce'],
  ['2006/09/15', '2006-09-15T00:00:00.000Z'],
  // ---- W3C-DTF / ISO 8601 / RFC 3339 (Atom, dc:date, JSON Feed) ----
  ['1997', '1997-01-01T00:00:00.000Z', 'W3C-DTF year'],
  ['1997-07', '1997-07-01T00:00:00.000Z', 'W3C-DTF year and month'],
  ['1997-07-16', '1997-07-16T00:00:00.000Z', 'W3C-DTF complete date'],
  ['1997-07-16T19:20+01:00', '1997-07-16T18:20:00.000Z', 'W3C-DTF hours and minutes'],
  ['1997-07-16T19:20:30+01:00', '1997-07-16T18:20:30.000Z', 'W3C-DTF seconds'],
  ['1997-07-16T19:20:30.45+01:00', '1997-07-16T18:20:30.450Z', 'W3C-DTF fraction'],
  ['1985-04-12T23:20:50.52Z', '1985-04-12T23:20:50.520Z', 'RFC 3339 §5.8'],
  ['1996-12-19T16:39:57-08:00', '1996-12-20T00:39:57.000Z', 'RFC 3339 §5.8'],
  ['1990-12-31T23:59:60Z', '1991-01-01T00:00:00.000Z', 'RFC 3339 leap second'],
  ['1937-01-01T12:00:27.87+00:20', '1937-01-01T11:40:27.870Z', 'RFC 3339 §5.8'],
  ['2003-12-13T18:30:02Z', '2003-12-13T18:30:02.000Z', 'Atom 1.0 example'],
  ['2003-12-13T18:30:02.25Z', '2003-12-13T18:30:02.250Z'],
  ['2003-12-13T18:30:02+01:00', '2003-12-13T17:30:02.000Z'],
  ['2003-12-13T18:30:02.25+01:00', '2003-12-13T17:30:02.250Z'],
  ['2010-02-07T14:04:00-05:00', '2010-02-07T19:04:00.000Z', 'JSON Feed example'],
  ['2016-06-03T07:38:22.568-07:00', '2016-06-03T14:38:22.568Z'],
  ['2025-10-06T16:45:14.858+01:00', '2025-10-06T15:45:14.858Z'],
  ['2024-01-01T00:00:00.000000Z', '2024-01-01T00:00:00.000Z', 'microseconds'],
  ['2024-01-01T00:00:00.123456789Z', '2024-01-01T00:00:00.123Z', 'nanoseconds'],
  ['2024-01-01t00:00:00z', '2024-01-01T00:00:00.000Z', 'lower-case t and z (RFC 3339 allows them)'],
  ['2024-01-01T00:00:00+0100', '2023-12-31T23:00:00.000Z', 'offset without a colon'],
  ['2024-01-01T00:00:00+01', '2023-12-31T23:00:00.000Z', 'offset in hours'],
  ['2024-01-01T09:15', '2024-01-01T09:15:00.000Z', 'no zone: UTC'],
  ['2004-07-08 23:56:58', '2004-07-08T23:56:58.000Z', 'a space for the T'],
  ['2004-07-08 23:56:58.0', '2004-07-08T23:56:58.000Z'],
  ['2004-07-08 23:56:58 -00:20', '2004-07-09T00:16:58.000Z', 'a space before the zone'],
  ['2004-07-08 23:56:58 +0000', '2004-07-08T23:56:58.000Z'],
  ['2003-012-31T10:14:55+00:00', '2003-12-31T10:14:55.000Z', 'a zero-padded month'],
  ['2004-02-28T18:14:55-08:00', '2004-02-29T02:14:55.000Z', 'rolls into a leap day'],
  ['2003-02-28T18:14:55-08:00', '2003-03-01T02:14:55.000Z', 'rolls into March'],
  ['2000-02-28T18:14:55-08:00', '2000-02-29T02:14:55.000Z', '2000 is a leap year'],
  ['2003-335', '2003-12-01T00:00:00.000Z', 'ordinal date'],
  ['2004-366', '2004-12-31T00:00:00.000Z', 'the last day of a leap year'],
  ['2003-366', null, '2003 has 365 days'],
  ['2003335', '2003-12-01T00:00:00.000Z', 'ordinal, basic'],
  ['20031231', '2003-12-31T00:00:00.000Z', 'basic format'],
  ['20031231T101455Z', '2003-12-31T10:14:55.000Z'],
  ['20031231T1014+0100', '2003-12-31T09:14:00.000Z'],
  // ISO 8601:2000 truncated two-digit years (century rule: 00–49 → 20xx, 50–99 → 19xx)
  ['03-12-31', '2003-12-31T00:00:00.000Z'],
  ['031231', '2003-12-31T00:00:00.000Z'],
  ['-0312', '2003-12-01T00:00:00.000Z'],
  ['-03-12', '2003-12-01T00:00:00.000Z'],
  ['03335', '2003-12-01T00:00:00.000Z'],
  ['22013', '2022-01-13T00:00:00.000Z', 'YYDDD: day 13 of 2022, not the year 22013'],
  ['99-12-31', '1999-12-31T00:00:00.000Z'],
  ['49-01-01', '2049-01-01T00:00:00.000Z'],
  ['50-01-01', '1950-01-01T00:00:00.000Z'],
  ['--12-31', null, 'no year: not a date to judge staleness by'],
  ['---31', null, 'no year or month'],
  // garbage in ISO clothing
  ['9999-12-31T23:59:59-99:99', null],
  ['2003-12-31T25:14:55Z', null, 'hour 25'],
  ['2003-12-31T10:61:55Z', null, 'minute 61'],
  ['2003-12-31T10:14:61Z', null, 'second 61'],
  ['2026-02-30', null, 'February 30th'],
  ['2026-13-01', null, 'month 13'],
  ['2026-00-10', null, 'month 0'],
  ['2026-01-00', null, 'day 0'],
  ['013', null, 'a three-digit year'],
  ['2013-01-27-01', null, 'too many parts'],
  ['2013-01-28T11:30:00-06:00Textra', null],
  ['2013-xx-27', null],
  ['2013-01-28T09:xx:00Z', null],
  ['2013-01-28T09:00:00+00:xx', null],
  ['2013-1-5', null, 'one-digit month and day'],
  ['12345678901', null, 'a long number'],
  // ---- localised names: Portuguese, Spanish, French, German, Italian, Dutch ----
  ['Seg, 24 Set 2018 19:35:07 -0300', '2018-09-24T22:35:07.000Z', 'Portuguese'],
  ['Sáb, 02 Fev 2019 10:00:00 +0000', '2019-02-02T10:00:00.000Z'],
  ['Qua, 09 Out 2019 12:00:00 GMT', '2019-10-09T12:00:00.000Z'],
  ['segunda-feira, 24 de setembro de 2018', '2018-09-24T00:00:00.000Z'],
  ['24 de março de 2020 14:00', '2020-03-24T14:00:00.000Z'],
  ['Lun, 24 Sep 2018 10:00:00 +0200', '2018-09-24T08:00:00.000Z', 'Spanish'],
  ['mié, 16 ene 2019 09:30:00 +0100', '2019-01-16T08:30:00.000Z'],
  ['24 de septiembre de 2018', '2018-09-24T00:00:00.000Z'],
  ['3 de diciembre de 2021 18:05', '2021-12-03T18:05:00.000Z'],
  ['sáb., 1 dic. 2018 20:00:00 +0100', '2018-12-01T19:00:00.000Z'],
  ['lun. 24 sept. 2018 10:00', '2018-09-24T10:00:00.000Z', 'French'],
  ['mer., 14 févr. 2018 09:15:00 +0100', '2018-02-14T08:15:00.000Z'],
  ['jeudi 15 août 2019', '2019-08-15T00:00:00.000Z'],
  ['1 déc. 2020 08:00:00 CET', '2020-12-01T07:00:00.000Z'],
  ['Mo, 24. Sep 2018 10:00:00 +0200', '2018-09-24T08:00:00.000Z', 'German'],
  ['Di, 05. Mär 2019 18:00:00 +0100', '2019-03-05T17:00:00.000Z'],
  ['Donnerstag, 13. Juli 2023', '2023-07-13T00:00:00.000Z'],
  ['13. März 2024 08:30', '2024-03-13T08:30:00.000Z'],
  ['Fr, 01 Okt 2021 12:00:00 MESZ', null, 'MESZ is not a zone we know: not guessed'],
  ['lun, 24 set 2018 10:00:00 +0200', '2018-09-24T08:00:00.000Z', 'Italian'],
  ['gio, 12 dic 2019 17:45:00 +0100', '2019-12-12T16:45:00.000Z'],
  ['24 settembre 2018', '2018-09-24T00:00:00.000Z'],
  ['venerdì 3 maggio 2019 11:00', '2019-05-03T11:00:00.000Z'],
  ['ma, 24 sep 2018 10:00:00 +0200', '2018-09-24T08:00:00.000Z', 'Dutch'],
  ['wo, 6 mrt 2019 09:00:00 +0100', '2019-03-06T08:00:00.000Z'],
  ['donderdag 2 mei 2019', '2019-05-02T00:00:00.000Z'],
  ['zo, 17 okt 2021 20:00:00 +0200', '2021-10-17T18:00:00.000Z'],
  // ---- Greek, Hungarian ----
  ['Κυρ, 11 Ιούλ 2004 12:00:00 EST', '2004-07-11T17:00:00.000Z', 'Greek'],
  ['Δευ, 05 Μάρ 2018 08:00:00 +0200', '2018-03-05T06:00:00.000Z'],
  ['Τρι, 4 Δεκ 2018 10:30:00 GMT', '2018-12-04T10:30:00.000Z'],
  ['Παρ, 12 Οκτωβρίου 2018', '2018-10-12T00:00:00.000Z', 'Greek genitive month'],
  ['Σάβ, 1 Μαΐ 2021 09:00:00 +0300', '2021-05-01T06:00:00.000Z'],
  ['2004-július-13T9:15-05:00', '2004-07-13T14:15:00.000Z', 'Hungarian'],
  ['2004-március-01T10:00:00+01:00', '2004-03-01T09:00:00.000Z'],
  ['2004. július 13.', '2004-07-13T00:00:00.000Z'],
  ['2019. december 24., 18:00', '2019-12-24T18:00:00.000Z'],
  ['2004-júliuz-13T9:15-05:00', null, 'no such Hungarian month'],
  // ---- Korean, Japanese, Chinese ----
  ['2004년 05월 28일 01:31:15', '2004-05-27T16:31:15.000Z', 'Korean (KST)'],
  ['2004년 5월 28일', '2004-05-27T15:00:00.000Z'],
  ['2004년05월28일', '2004-05-27T15:00:00.000Z'],
  ['2004-05-25 오후 11:23:17', '2004-05-25T14:23:17.000Z', 'Korean, afternoon'],
  ['2004-05-25 오전 11:23:17', '2004-05-25T02:23:17.000Z', 'Korean, morning'],
  ['2004-05-25 오후 12:00:00', '2004-05-25T03:00:00.000Z', 'Korean, noon'],
  ['2004年5月28日', '2004-05-28T00:00:00.000Z', 'Japanese and Chinese'],
  ['2004年05月28日 12:30', '2004-05-28T12:30:00.000Z'],
  ['2004年5月28日 12時30分', '2004-05-28T12:30:00.000Z'],
  ['2004年5月28日12時30分15秒', '2004-05-28T12:30:15.000Z'],
  ['2004年5月28日 12:30:00 +0900', '2004-05-28T03:30:00.000Z'],
  ['2004年2月30日', null, 'February 30th'],
  // ---- not dates ----
  ['', null],
  ['   ', null],
  ['yesterday', null],
  ['N/A', null],
  ['0', null],
  ['1700000000', null, 'epoch seconds are not a feed date'],
  ['TBD 2024', null],
  ['2024', '2024-01-01T00:00:00.000Z', 'a year is a date (its first day)'],
  ['Q3 2024', null],
  ['12/31/2004', null, 'slashed US dates are ambiguous with European ones'],
  ['31/12/2004', null],
  ['31.12.2004', null],
  [`Sun, 06 Nov 1994 08:49:37 GMT${' '.repeat(200)}x`, null, 'longer than a date can be'],
  ['<b>Sun, 06 Nov 1994</b>', null],
];

describe('parseDate on a table of dates from the wild', () => {
  it('has at least 150 cases, none twice', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CASES.map(([text]) => text)).size).toBe(CASES.length);
  });

  it.each(CASES)('%j → %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it('reads what toIso reads: exports and APIs go through the same reader', () => {
    for (const [text, expected] of CASES) expect(toIso(text), text).toBe(expected);
    expect(toIso(Date.UTC(2024, 0, 1))).toBe('2024-01-01T00:00:00.000Z');
    expect(toIso(Number.NaN)).toBeNull();
    expect(toIso({})).toBeNull();
  });

  it('reads the common RSS form (its own fast path) as the full RFC 822 reader does', () => {
    // the fast path takes English month names as written; a lower-case month goes through readRfc822,
    // so each pair of strings is one date read by both readers
    const random = seeded(822);
    const zones = ['+0000', 'GMT', 'UTC', '-0500', '+0530', '+1400', '-1200', '+1500', '+0099'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const two = (n: number) => String(n).padStart(2, '0');
    for (let i = 0; i < 2000; i++) {
      const month = months[Math.floor(random() * 12)]!;
      // days up to 32 and hours up to 24, so impossible dates are among them
      const rest = `${1 + Math.floor(random() * 32)} ${month} ${1990 + Math.floor(random() * 50)} ${two(Math.floor(random() * 25))}:${two(Math.floor(random() * 60))}:${two(Math.floor(random() * 61))} ${zones[i % zones.length]}`;
      const weekday = i % 2 === 0 ? 'Fri, ' : '';
      const fast = `${weekday}${rest}`;
      const full = `${weekday}${rest.replace(month, month.toLowerCase())}`;
      expect(parseDate(fast), fast).toBe(parseDate(full));
    }
    expect(parseDate('Fri, 30 Oct 2026 09:15:00 -0500')).toBe('2026-10-30T14:15:00.000Z');
    expect(parseDate('31 Feb 2026 00:00:00 GMT')).toBeNull();
    expect(parseDate('Fri,\u00a030 Oct  2026\n09:15:00 +0000')).toBe('2026-10-30T09:15:00.000Z');
  });

  it('applies the documented century rule to two-digit years', () => {
    expect([fullYear('00'), fullYear('49'), fullYear('50'), fullYear('99'), fullYear('2004')]).toEqual([
      2000, 2049, 1950, 1999, 2004,
    ]);
  });
});

describe('dates outside 1990 … as-of + 1 year', () => {
  it('are not used for staleness and are counted in the sample note', () => {
    const posts = [
      makePost(3),
      makePost(10),
      { ...makePost(5), id: 'epoch', createdAt: '1970-01-01T00:00:00.000Z' },
      { ...makePost(5), id: 'far', createdAt: '2031-06-01T00:00:00.000Z' },
      { ...makePost(5), id: 'none', createdAt: null },
    ];
    const metrics = analyzeTimeline(makeTimeline(posts), AS_OF, settings);
    expect(metrics.daysSinceLastPost).toBe(3);
    expect(metrics.undatedPosts).toBe(3);
    expect(metrics.futurePosts).toBe(0);
    expect(metrics.sample.note).toMatch(/3 posts without a readable date$/);
  });

  it('a post after as-of but within a year of it is a post after as-of, not a bad date', () => {
    const soon = { ...makePost(1), id: 'soon', createdAt: new Date(AS_OF.getTime() + 30 * 86_400_000).toISOString() };
    const metrics = analyzeTimeline(makeTimeline([makePost(2), soon]), AS_OF, settings);
    expect([metrics.futurePosts, metrics.undatedPosts]).toEqual([1, 0]);
  });
});

describe("an item's date follows the feed's precedence", () => {
  const rss = (item: string, channel = '') =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>${channel}<item><title>a</title>${item}</item></channel></rss>`;

  it.each([
    [
      'pubDate over dc:date',
      '<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><dc:date>2001-01-01</dc:date>',
      '2003-06-10T04:00:00.000Z',
    ],
    [
      'dc:date when pubDate is garbled',
      '<pubDate>Tue, 99 Jun 2003</pubDate><dc:date>2003-06-11T08:00:00Z</dc:date>',
      '2003-06-11T08:00:00.000Z',
    ],
    [
      'published over updated',
      '<atom:updated>2020-05-05T00:00:00Z</atom:updated><atom:published>2019-01-01T00:00:00Z</atom:published>',
      '2019-01-01T00:00:00.000Z',
    ],
    [
      'updated when nothing says published',
      '<atom:updated>2020-05-05T00:00:00Z</atom:updated>',
      '2020-05-05T00:00:00.000Z',
    ],
    ['none: null', '<pubDate>soon</pubDate>', null],
  ])('RSS: %s', (_, item, expected) => {
    expect(parseFeed(rss(item)).items[0]!.publishedAt).toBe(expected);
  });

  it('Atom: published over updated, and issued (Atom 0.3) before modified', () => {
    const atom = (entry: string) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><updated>2024-01-01T00:00:00Z</updated><entry><title>a</title>${entry}</entry></feed>`;
    expect(
      parseFeed(atom('<updated>2024-02-02T00:00:00Z</updated><published>2023-03-03T00:00:00Z</published>')).items[0]!
        .publishedAt,
    ).toBe('2023-03-03T00:00:00.000Z');
    expect(
      parseFeed(atom('<modified>2024-02-02T00:00:00Z</modified><issued>2023-03-03T00:00:00Z</issued>')).items[0]!
        .publishedAt,
    ).toBe('2023-03-03T00:00:00.000Z');
    expect(parseFeed(atom('<updated>2024-02-02T00:00:00Z</updated>')).updatedAt).toBe('2024-01-01T00:00:00.000Z');
  });

  it('says so in the sample note when no item is dated but the feed is', () => {
    const feed = parseFeed(
      rss('<description>x</description>', '<lastBuildDate>Mon, 06 Oct 2025 10:00:00 GMT</lastBuildDate>'),
    );
    expect(feed.updatedAt).toBe('2025-10-06T10:00:00.000Z');
    // RSS 1.0 dates its channel with Dublin Core's dc:date
    const rdf = parseFeed(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns="http://purl.org/rss/1.0/"><channel><title>c</title><dc:date>2025-10-07T08:00:00Z</dc:date></channel><item><title>a</title></item></rdf:RDF>',
    );
    expect([rdf.format, rdf.title, rdf.updatedAt]).toEqual(['rdf', 'c', '2025-10-07T08:00:00.000Z']);
    const timeline = feedTimeline(feed, 'https://blog.example/feed', 'feed');
    expect(timeline.sampleNote).toBe(
      'an RSS feed holds one item; no item is dated; the feed says it was updated 2025-10-06',
    );
    const metrics = analyzeTimeline(timeline, AS_OF, settings);
    expect(metrics.lastPostAt).toBeNull();
    expect(metrics.sample.note).toMatch(/the feed says it was updated 2025-10-06; 1 item without a readable date$/);
  });
});
