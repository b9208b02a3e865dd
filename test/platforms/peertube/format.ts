/**
 * PeerTube REST API bodies (v6–v8), in the shape its OpenAPI reference documents
 * (docs.joinpeertube.org/api-rest-reference): an Account or VideoChannel actor, and a VideoListResponse
 * `{total, data: Video[]}` with `publishedAt`, `uuid`, `shortUUID`, the channel and account embedded.
 */
export interface PeerTubeActorInput {
  host: string;
  name: string;
  displayName: string;
  id: number;
}

function actor(a: PeerTubeActorInput) {
  return {
    id: a.id,
    url: `https://${a.host}/accounts/${a.name}`,
    name: a.name,
    host: a.host,
    avatars: [],
    displayName: a.displayName,
  };
}

export function account(a: PeerTubeActorInput, description: string) {
  return {
    ...actor(a),
    hostRedundancyAllowed: false,
    followingCount: 0,
    followersCount: 214,
    createdAt: '2021-03-02T10:11:12.000Z',
    updatedAt: '2025-06-01T08:00:00.000Z',
    userId: a.id,
    description,
  };
}

export function video(
  n: number,
  owner: PeerTubeActorInput,
  name: string,
  description: string | null,
  publishedAt: string,
) {
  const uuid = `9c9de5e8-0a1b-4b2c-8d3e-${n.toString(16).padStart(12, '0')}`;
  return {
    id: n,
    uuid,
    shortUUID: `kkGMgK9ZtnKfYAgnEtQx${n.toString(36)}`,
    url: `https://${owner.host}/videos/watch/${uuid}`,
    name,
    category: { id: 15, label: 'Science & Technology' },
    licence: { id: 1, label: 'Attribution' },
    language: { id: 'en', label: 'English' },
    privacy: { id: 1, label: 'Public' },
    nsfw: false,
    description,
    isLocal: true,
    duration: 300 + (n % 600),
    views: 40 + n,
    viewers: 0,
    likes: n % 17,
    dislikes: 0,
    thumbnailPath: `/lazy-static/thumbnails/${uuid}.jpg`,
    previewPath: `/lazy-static/previews/${uuid}.jpg`,
    embedPath: `/videos/embed/${uuid}`,
    createdAt: publishedAt,
    updatedAt: publishedAt,
    publishedAt,
    originallyPublishedAt: null,
    isLive: false,
    account: actor(owner),
    channel: {
      ...actor({ ...owner, name: `${owner.name}_channel`, id: owner.id + 1000 }),
      url: `https://${owner.host}/video-channels/${owner.name}_channel`,
    },
  };
}

export function videoList(total: number, data: unknown[]) {
  return { total, data };
}
