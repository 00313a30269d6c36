package dev.tapes.distributed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Reads what {@link WireWriter} wrote, trusting nothing: every read checks the bytes left,
 * varints longer than 10 bytes, lengths past the end and malformed UTF-8 are refused with a
 * {@link WireFormatException}, never an unchecked exception or an allocation larger than the
 * frame.
 */
final class WireReader {

  private final byte[] frame;
  private final int limit;
  private int position;

  private WireReader(byte[] frame, int limit) {
    this.frame = frame;
    this.limit = limit;
  }

  /** A reader over the body of {@code frame}, once its trailing CRC32C is verified. */
  static WireReader verified(byte[] frame) throws WireFormatException {
    if (frame.length < 4) {
      throw new WireFormatException("frame of " + frame.length + " bytes is too short");
    }
    int limit = frame.length - 4;
    CRC32C crc = new CRC32C();
    crc.update(frame, 0, limit);
    int expected = (int) crc.getValue();
    int actual = ((frame[limit] & 0xFF) << 24) | ((frame[limit + 1] & 0xFF) << 16)
        | ((frame[limit + 2] & 0xFF) << 8) | (frame[limit + 3] & 0xFF);
    if (expected != actual) {
      throw new WireFormatException("checksum mismatch");
    }
    return new WireReader(frame, limit);
  }

  int remaining() {
    return limit - position;
  }

  int readByte() throws WireFormatException {
    need(1, "a byte");
    return frame[position++] & 0xFF;
  }

  long readFixedLong() throws WireFormatException {
    need(8, "a long");
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (frame[position++] & 0xFF);
    }
    return value;
  }

  double readDouble() throws WireFormatException {
    return Double.longBitsToDouble(readFixedLong());
  }

  long readVarLong() throws WireFormatException {
    long value = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = readByte();
      if (shift == 63 && (b & 0x7E) != 0) {
        throw new WireFormatException("varint overflows a long");
      }
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new WireFormatException("varint longer than 10 bytes");
  }

  long readSignedVarLong() throws WireFormatException {
    long raw = readVarLong();
    return (raw >>> 1) ^ -(raw & 1);
  }

  /**
   * A count of items that each take at least {@code minBytesEach} bytes: refused if the frame
   * cannot hold that many, so a hostile count never sizes an allocation.
   */
  int readCount(int minBytesEach, String what) throws WireFormatException {
    long count = readVarLong();
    if (count < 0 || count > remaining() / Math.max(1, minBytesEach)) {
      throw new WireFormatException(what + " count " + Long.toUnsignedString(count)
          + " exceeds what the frame holds");
    }
    return (int) count;
  }

  String readString(int maxBytes, String what) throws WireFormatException {
    long length = readVarLong();
    if (length < 0 || length > maxBytes) {
      throw new WireFormatException(what + " of " + Long.toUnsignedString(length)
          + " bytes exceeds the limit of " + maxBytes);
    }
    need((int) length, what);
    ByteBuffer bytes = ByteBuffer.wrap(frame, position, (int) length);
    position += (int) length;
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new WireFormatException(what + " is not valid UTF-8");
    }
  }

  void expectEnd() throws WireFormatException {
    if (position != limit) {
      throw new WireFormatException(remaining() + " unexpected bytes after the message");
    }
  }

  private void need(int bytes, String what) throws WireFormatException {
    if (bytes < 0 || limit - position < bytes) {
      throw new WireFormatException("truncated: " + what + " needs " + bytes + " bytes, "
          + (limit - position) + " left");
    }
  }
}
