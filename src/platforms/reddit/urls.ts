/** Reddit's URL shapes: its hosts and a user's or subreddit's path. */
export const REDDIT_HOSTS = /^((www|old|new|np|m)\.)?reddit\.com$/i;
export const REDDIT_PROFILE = /^\/(user|u|r)\/([A-Za-z0-9_-]{2,32})\/?/;
