/**
 * Message media content, generated in code: the emulator never fetches a MediaUrl (it runs without a
 * network), so what it stores for each media item is a small valid image of the item's content type,
 * which any image decoder opens. The content type comes from the URL's file extension.
 *
 * - PNG: 1x1 grey, 8-bit greyscale, one zlib-compressed scanline.
 * - GIF: 1x1, GIF89a, a two-colour table, one LZW-coded pixel.
 * - JPEG: 8x8 mid grey, baseline, one component whose single block codes DC 0 and end-of-block.
 */
import { deflateSync } from 'zlib';

export type MediaContentType = 'image/jpeg' | 'image/png' | 'image/gif';

export function contentTypeOf(url: string): MediaContentType {
  const path = url.split(/[?#]/)[0];
  if (/\.png$/i.test(path)) return 'image/png';
  if (/\.gif$/i.test(path)) return 'image/gif';
  return 'image/jpeg';
}

export function mediaContent(type: MediaContentType): Buffer {
  if (type === 'image/png') return png();
  if (type === 'image/gif') return gif();
  return jpeg();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const scanline = Buffer.from([0, 0x80]); // filter "none", one grey pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(scanline)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function gif(): Buffer {
  return Buffer.concat([
    Buffer.from('GIF89a', 'ascii'),
    Buffer.from([1, 0, 1, 0, 0x80, 0, 0]), // 1x1, a global table of 2 colours
    Buffer.from([0x80, 0x80, 0x80, 0xff, 0xff, 0xff]),
    Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0]), // image descriptor
    // LZW, minimum code size 2: clear (4), pixel 0, end (5) in 3-bit codes, least significant bit first.
    Buffer.from([2, 2, 0x44, 0x01, 0]),
    Buffer.from([0x3b]),
  ]);
}

function jpegSegment(marker: number, data: number[]): Buffer {
  const length = data.length + 2;
  return Buffer.from([0xff, marker, length >> 8, length & 0xff, ...data]);
}

function jpeg(): Buffer {
  const oneCodeOfLengthOne = [1, ...new Array<number>(15).fill(0)];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jpegSegment(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // quantisation table 0: all ones
    jpegSegment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // 8x8, one component, table 0
    jpegSegment(0xc4, [0x00, ...oneCodeOfLengthOne, 0x00]), // DC table: "0" = difference category 0
    jpegSegment(0xc4, [0x10, ...oneCodeOfLengthOne, 0x00]), // AC table: "0" = end of block
    jpegSegment(0xda, [1, 1, 0x00, 0, 63, 0]),
    Buffer.from([0x3f]), // DC "0", EOB "0", padded with ones
    Buffer.from([0xff, 0xd9]),
  ]);
}
