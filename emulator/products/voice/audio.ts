/**
 * Recording media, generated in code: silence of the recording's length (capped, so a long
 * recording still downloads quickly).
 *
 * - WAV: RIFF PCM, 8 kHz, 16-bit, one or two channels (what Twilio serves by default, `audio/x-wav`).
 * - MP3: a real MPEG-1 Layer III stream of silent frames (32 kHz, 32 kbit/s, mono; 144-byte frames
 *   whose side information declares no coded audio), served as `audio/mpeg`.
 */

export const MAX_MEDIA_SECONDS = 60;

export function silentWav(seconds: number, channels = 1, sampleRate = 8000): Buffer {
  const secs = Math.min(Math.max(seconds, 1), MAX_MEDIA_SECONDS);
  const blockAlign = channels * 2;
  const dataBytes = Math.round(secs * sampleRate) * blockAlign;
  const b = Buffer.alloc(44 + dataBytes);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + dataBytes, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16); // fmt chunk size
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(channels, 22);
  b.writeUInt32LE(sampleRate, 24);
  b.writeUInt32LE(sampleRate * blockAlign, 28);
  b.writeUInt16LE(blockAlign, 32);
  b.writeUInt16LE(16, 34); // bits per sample
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(dataBytes, 40);
  return b;
}

const MP3_FRAME_BYTES = 144; // 144 * 32000 bit/s / 32000 Hz, no padding
const MP3_FRAME_SAMPLES = 1152;

export function silentMp3(seconds: number): Buffer {
  const secs = Math.min(Math.max(seconds, 1), MAX_MEDIA_SECONDS);
  const frames = Math.ceil((secs * 32000) / MP3_FRAME_SAMPLES);
  const frame = Buffer.alloc(MP3_FRAME_BYTES);
  // Sync (11 bits), MPEG-1, Layer III, no CRC | bitrate index 1 (32 kbit/s), 32 kHz, no padding |
  // mono, original. The 17 bytes of side information and the rest stay zero: no coded audio.
  frame[0] = 0xff;
  frame[1] = 0xfb;
  frame[2] = 0x18;
  frame[3] = 0xc4;
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}
