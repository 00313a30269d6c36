package dev.tapes.distributed;

import java.util.Arrays;
import java.util.zip.CRC32C;

/** Helpers to forge frames: a body with a valid checksum, as a hostile peer would send. */
final class Frames {

  private Frames() {}

  /** {@code frame} with its last 4 bytes replaced by the CRC32C of the rest. */
  static byte[] resealed(byte[] frame) {
    byte[] copy = frame.clone();
    int limit = copy.length - 4;
    CRC32C crc = new CRC32C();
    crc.update(copy, 0, limit);
    int checksum = (int) crc.getValue();
    for (int i = 0; i < 4; i++) {
      copy[limit + i] = (byte) (checksum >>> (24 - 8 * i));
    }
    return copy;
  }

  /** {@code body} followed by its CRC32C. */
  static byte[] sealed(byte[] body) {
    return resealed(Arrays.copyOf(body, body.length + 4));
  }
}
