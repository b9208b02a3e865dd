/**
 * The replies of an owner's download, judged (issue 31, item 7): which are conversation and which are
 * the brand continuing its own thread, and the note's counts of them in words.
 */
import { plural, type Post } from '../../model/index.js';

/**
 * An owner's comment under its own post that the file does not say answers anyone (Facebook's
 * "… commented on their own post", Instagram's comment on its own media, a top-level YouTube comment
 * under its own video) is the brand continuing its own thread, not conversation.
 */
export function ownThread(post: Post): Post {
  if (post.kind !== 'reply' || post.onOwnPost !== true || post.answered !== undefined || post.answersSomeone)
    return post;
  return { ...post, kind: 'thread' };
}

/** "(3 under its own posts; 2 people answered by name)", where the files tell. */
function whom(replies: readonly Post[]): string {
  const parts: string[] = [];
  const underOwn = replies.filter((r) => r.onOwnPost === true).length;
  if (underOwn > 0) parts.push(`${underOwn} under its own posts`);
  const people = new Set(replies.flatMap((r) => (r.answered ? [r.answered.toLowerCase()] : []))).size;
  if (people > 0) parts.push(`${plural(people, 'person', 'people')} answered by name`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/**
 * The download's posts with its own-thread comments judged, and what they hold in words: "5 posts and
 * 4 comments of its own (1 person answered by name); 2 comments under its own posts that answer
 * nobody else counted as its own thread" (only the posts where the download cannot show replies).
 */
export function ownReplies(
  found: readonly Post[],
  replyWord: string,
  repliesHidden: boolean,
): { posts: Post[]; counts: string } {
  const posts: Post[] = [];
  let posted = 0;
  let continued = 0;
  const replies: Post[] = [];
  for (const read of found) {
    const post = ownThread(read);
    posts.push(post);
    if (post !== read) continued++;
    else if (post.kind === 'reply') replies.push(post);
    else posted++;
  }
  const threads =
    continued > 0
      ? `; ${plural(continued, replyWord)} under its own posts that answer nobody else counted as its own thread`
      : '';
  const counts = repliesHidden
    ? `${plural(posted, 'post')} of its own${threads}`
    : `${plural(posted, 'post')} and ${plural(replies.length, replyWord)} of its own${whom(replies)}${threads}`;
  return { posts, counts };
}
