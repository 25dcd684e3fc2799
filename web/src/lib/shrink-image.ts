// Phone photos are often 4–12 MB; uploads are limited (5 MB by default). A picture larger than the limit is
// redrawn in the browser as a JPEG, the right way up (EXIF orientation applied), lowering the quality and
// then the size until it fits. Anything that is not a picture (a PDF …) is sent as it is: the server refuses
// it with a clear message when it is too large.

export const DEFAULT_LIMIT_BYTES = 5 * 1024 * 1024;
/** The longest side a shrunk photo keeps at first: plenty to read an ID card or a licence. */
const START_SIDE = 3200;
const QUALITIES = [0.85, 0.75, 0.65];
const MAX_ROUNDS = 8; // bounded: each round after the qualities also scales the picture by 0.75

const SHRINKABLE = /^image\/(jpeg|png|webp|heic|heif|bmp)$/;

export interface ShrinkResult {
  readonly file: File;
  /** True when the file was redrawn (the original was over the limit). */
  readonly shrunk: boolean;
}

/** The file itself when it fits or is not a picture; else a JPEG no larger than `limit`. */
export async function shrinkImage(file: File, limit = DEFAULT_LIMIT_BYTES): Promise<ShrinkResult> {
  if (file.size <= limit || !SHRINKABLE.test(file.type)) return { file, shrunk: false };
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    let scale = Math.min(1, START_SIDE / Math.max(bitmap.width, bitmap.height));
    for (let round = 0; round < MAX_ROUNDS; round++) {
      for (const quality of QUALITIES) {
        const blob = await draw(bitmap, scale, quality);
        if (blob.size <= limit) return { file: new File([blob], jpegName(file.name), { type: 'image/jpeg' }), shrunk: true };
      }
      scale *= 0.75;
    }
  } finally {
    bitmap.close();
  }
  throw new Error('shrinkImage: the picture could not be made small enough');
}

async function draw(bitmap: ImageBitmap, scale: number, quality: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('shrinkImage: no 2d canvas');
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  canvas.width = 0; // release the pixels now rather than at the next collection (phones run out of memory)
  if (!blob) throw new Error('shrinkImage: the browser could not encode a JPEG');
  return blob;
}

function jpegName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'photo';
  return `${base}.jpg`;
}
