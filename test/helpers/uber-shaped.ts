/**
 * Issue 34 item 2's case, in the shape of Uber_Support's two scripts in the twcs samples (made-up texts, no
 * corpus text in the repo): "DM us your email" and "send us a note via <link>", six replies each behind
 * changing openers, and two bridges that each hold one script's ask in the other's words. Shared by the
 * skeleton and average linkage tests.
 */
import { normaliseReply } from '../../src/analysis/normalise.js';

const names = ['sam', 'alex', 'jo', 'kim', 'lee', 'max'];
const dmEmail = names.map(
  (n, i) =>
    `Hi ${n}, ${['sorry to hear about this', 'that is not what we like to hear', 'thanks for flagging this'][i % 3]}. Please DM us the email address linked to your account so we can look into it. ^AB`,
);
const noteLink = names.map(
  (n, i) =>
    `Hey ${n}, ${['sorry to hear about this', 'we want to help', 'that sounds frustrating'][i % 3]}. Please send us a note at https://t.co/x${i} and a member of our team will follow up. ^CD`,
);
const bridge = [
  'Hi sam, sorry to hear about this. Please send us a note with the email address linked to your account so we can look into it.',
  'Hi jo, sorry to hear about this. Please send us a note at https://t.co/y and a member of our team will look into it.',
];

/** The replies, normalised: six `email`, six `note`, then the two bridges. */
export const uberTexts = [...dmEmail, ...noteLink, ...bridge].map((t) => normaliseReply(t).text);
/** The script of reply i ('' for a bridge). */
export const uberScript = (i: number) =>
  i < dmEmail.length ? 'email' : i < dmEmail.length + noteLink.length ? 'note' : '';
/** The scripts a cluster holds. */
export const scriptsIn = (c: number[]) => new Set(c.map(uberScript).filter(Boolean));
/** Clusters as sorted lists of texts, to compare clusterings of the same texts in another order. */
export const asTextSets = (cs: number[][], ts: readonly string[]) =>
  cs
    .map((c) =>
      c
        .map((i) => ts[i])
        .sort()
        .join('|'),
    )
    .sort();
