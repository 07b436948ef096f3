// The viewer's unit tests render screens with its words (see @codeflix/web-shared/testing).
import { renderer } from '@codeflix/web-shared/testing';
import { dictionaries } from '../messages';

export { answerFetch, fakeSession, type Handler } from '@codeflix/web-shared/testing';
export const renderAt = renderer(dictionaries);

export function video(id: string, title: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title,
    description: `About ${title}`,
    year_launched: 1999,
    opened: false,
    rating: '14',
    duration: 136,
    categories: [],
    genres: [],
    cast_members: [],
    media: { video: { ready: true }, trailer: { ready: false }, thumbnail: null, thumbnail_half: null, banner: null },
    version: 1,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}
