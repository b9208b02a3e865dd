/** Threads' URL shapes: its hosts and a profile's path. */
export const THREADS_HOSTS = /^(www\.)?threads\.(net|com)$/i;
export const THREADS_PROFILE = /^\/@([\w.]{1,30})\/?$/;
