package dev.tapes.distributed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Appends the primitives of the wire format to a growing byte array: fixed 8-byte longs and
 * doubles (big-endian), LEB128 varints, zigzag for signed values, length-prefixed UTF-8.
 * {@link #finish()} seals the frame with a CRC32C of everything before it.
 */
final class WireWriter {

  private byte[] buffer;
  private int size;

  WireWriter(int initialCapacity) {
    this.buffer = new byte[Math.max(16, initialCapacity)];
  }

  void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  void writeBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  void writeFixedLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
  }

  void writeDouble(double value) {
    writeFixedLong(Double.doubleToRawLongBits(value));
  }

  /** An unsigned LEB128 varint: 7 bits a byte, low bits first, at most 10 bytes. */
  void writeVarLong(long value) {
    ensure(10);
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    buffer[size++] = (byte) rest;
  }

  /** A signed value as a zigzag varint, so small negatives stay short. */
  void writeSignedVarLong(long value) {
    writeVarLong((value << 1) ^ (value >> 63));
  }

  void writeString(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeVarLong(bytes.length);
    writeBytes(bytes);
  }

  /** The frame: everything written, then the CRC32C of it (4 bytes, big-endian). */
  byte[] finish() {
    CRC32C crc = new CRC32C();
    crc.update(buffer, 0, size);
    int checksum = (int) crc.getValue();
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (checksum >>> shift);
    }
    return Arrays.copyOf(buffer, size);
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }
}
