import { describe, expect, it } from 'vitest';
import { cueAt, parseTrickplay } from './trickplay';

const INDEX = 'http://localhost:8080/media/tok/123/vid/video/enc/trickplay/index.vtt';

describe('parseTrickplay', () => {
  it('reads cues with sprite regions resolved next to the index', () => {
    const cues = parseTrickplay(
      'WEBVTT\n\n00:00:00.000 --> 00:00:10.000\nsprite_000.jpg#xywh=0,0,320,180\n\n' +
        '00:00:10.000 --> 00:00:20.000\nsprite_000.jpg#xywh=320,0,320,180\n\n' +
        '01:00:00.000 --> 01:00:10.000\nsprite_036.jpg#xywh=0,180,320,180\n',
      INDEX,
    );
    expect(cues).toHaveLength(3);
    expect(cues[1]).toEqual({
      start: 10,
      end: 20,
      image: 'http://localhost:8080/media/tok/123/vid/video/enc/trickplay/sprite_000.jpg',
      x: 320,
      y: 0,
      width: 320,
      height: 180,
    });
    expect(cues[2].start).toBe(3600);
  });

  it('skips what is not a cue with a region', () => {
    const cues = parseTrickplay(
      'WEBVTT\n\n00:00:10.000 --> 00:00:05.000\nsprite.jpg#xywh=0,0,1,1\n\nnonsense --> 00:00:01.000\nx.jpg#xywh=0,0,1,1\n\n' +
        '00:00:00.000 --> 00:00:10.000\nsprite.jpg\n',
      INDEX,
    );
    expect(cues).toEqual([]);
  });
});

describe('cueAt', () => {
  const cues = parseTrickplay(
    'WEBVTT\n\n' +
      Array.from({ length: 50 }, (_, i) => `00:${String(Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}.000 --> 00:${String(Math.floor((i + 1) / 6)).padStart(2, '0')}:${String(((i + 1) % 6) * 10).padStart(2, '0')}.000\ns.jpg#xywh=${i},0,1,1\n`).join('\n'),
    INDEX,
  );
  it('finds the cue of a time, none before or after', () => {
    expect(cues).toHaveLength(50);
    expect(cueAt(cues, 0)?.x).toBe(0);
    expect(cueAt(cues, 125)?.x).toBe(12);
    expect(cueAt(cues, 499.9)?.x).toBe(49);
    expect(cueAt(cues, 500)).toBeUndefined();
    expect(cueAt(cues, -1)).toBeUndefined();
  });
});
