// Trick-play thumbnails: the encoder's WebVTT index maps time ranges to regions of JPEG sprites
// ("sprite_002.jpg#xywh=0,0,320,180"); the scrub bar shows the region for the time under the
// pointer.

export interface Cue {
  start: number;
  end: number;
  /** Absolute URL of the sprite (resolved against the index, so it keeps the media token). */
  image: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function seconds(stamp: string): number | null {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d{1,3})?)$/.exec(stamp.trim());
  if (!match) return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** The cues of a WebVTT index; lines that are not a valid cue are skipped. */
export function parseTrickplay(text: string, indexUrl: string): Cue[] {
  const cues: Cue[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const timing = /^(\S+)\s+-->\s+(\S+)/.exec(lines[i]);
    if (!timing) continue;
    const start = seconds(timing[1]);
    const end = seconds(timing[2]);
    const target = lines[i + 1]?.trim() ?? '';
    const region = /^(.+)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(target);
    if (start === null || end === null || end <= start || !region) continue;
    let image: string;
    try {
      image = new URL(region[1], new URL(indexUrl, window.location.href)).href;
    } catch {
      continue;
    }
    cues.push({
      start,
      end,
      image,
      x: Number(region[2]),
      y: Number(region[3]),
      width: Number(region[4]),
      height: Number(region[5]),
    });
    i += 1;
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** The cue showing `time` (binary search over sorted cues). */
export function cueAt(cues: Cue[], time: number): Cue | undefined {
  let low = 0;
  let high = cues.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const cue = cues[middle];
    if (time < cue.start) high = middle - 1;
    else if (time >= cue.end) low = middle + 1;
    else return cue;
  }
  return undefined;
}
