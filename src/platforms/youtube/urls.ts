/** YouTube's URL shapes: its hosts and a channel's paths. */
export const YOUTUBE_HOSTS = /^(www\.|m\.)?youtube\.com$/i;
export const YOUTUBE_CHANNEL_PATH = /^\/(@[^/]+|channel\/[^/]+|c\/[^/]+|user\/[^/]+)\/?/;
