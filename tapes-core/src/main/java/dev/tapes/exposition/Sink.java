package dev.tapes.exposition;

import dev.tapes.RegistrySnapshot;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The buffer every writer appends to, flushed in chunks to the caller's {@link Appendable} or
 * {@link OutputStream}: writers append straight into a {@link StringBuilder} (whose
 * {@code append(long)} and {@code append(double)} allocate nothing), and output of any size
 * costs one chunk of memory, not one string per sample.
 *
 * <p>Writing to an {@code OutputStream} encodes UTF-8 by hand into a reused byte array: the
 * output is almost all ASCII, and a {@code Writer} would add a second buffer and locking.
 */
final class Sink {

  private static final int CHUNK = 8192;

  /** Where writers append; flushed by {@link #endLine()} once it holds a chunk. */
  final StringBuilder text;
  private final Appendable appendable;
  private final OutputStream stream;
  private final byte[] bytes;

  private Sink(StringBuilder text, Appendable appendable, OutputStream stream) {
    this.text = text;
    this.appendable = appendable;
    this.stream = stream;
    this.bytes = stream == null ? null : new byte[CHUNK * 3 + 8];
  }

  static Sink to(Appendable out) {
    // Appending to the caller's own StringBuilder needs no intermediate buffer.
    return out instanceof StringBuilder builder ? new Sink(builder, null, null)
        : new Sink(new StringBuilder(CHUNK + 512), out, null);
  }

  /** A writer of one format into an {@link Appendable}. */
  @FunctionalInterface
  interface Writer {
    void write(RegistrySnapshot snapshot, Appendable out) throws IOException;
  }

  /** What {@code writer} writes for {@code snapshot}, as a string. */
  static String render(RegistrySnapshot snapshot, Writer writer) {
    StringBuilder out = new StringBuilder();
    try {
      writer.write(snapshot, out);
    } catch (IOException e) {
      throw new AssertionError("a StringBuilder does not throw", e);
    }
    return out.toString();
  }

  static Sink to(OutputStream out) {
    return new Sink(new StringBuilder(CHUNK + 512), null, out);
  }

  /** Called after each line: passes a full chunk on. */
  void endLine() throws IOException {
    if (text.length() >= CHUNK && (appendable != null || stream != null)) {
      flush();
    }
  }

  /** Passes everything on; the caller flushes or closes its own stream. */
  void finish() throws IOException {
    if (appendable != null || stream != null) {
      flush();
    }
  }

  private void flush() throws IOException {
    if (appendable != null) {
      appendable.append(text);
      text.setLength(0);
      return;
    }
    int length = text.length();
    // A high surrogate at the end waits for its low half in the next chunk.
    if (length > 0 && Character.isHighSurrogate(text.charAt(length - 1))) {
      length--;
    }
    int n = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes[n++] = (byte) c;
      } else if (c < 0x800) {
        bytes[n++] = (byte) (0xC0 | (c >> 6));
        bytes[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int code = Character.toCodePoint(c, text.charAt(++i));
        bytes[n++] = (byte) (0xF0 | (code >> 18));
        bytes[n++] = (byte) (0x80 | ((code >> 12) & 0x3F));
        bytes[n++] = (byte) (0x80 | ((code >> 6) & 0x3F));
        bytes[n++] = (byte) (0x80 | (code & 0x3F));
      } else if (Character.isSurrogate(c)) {
        bytes[n++] = '?'; // a lone surrogate has no UTF-8 form
      } else {
        bytes[n++] = (byte) (0xE0 | (c >> 12));
        bytes[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[n++] = (byte) (0x80 | (c & 0x3F));
      }
      if (n > bytes.length - 4) {
        stream.write(bytes, 0, n);
        n = 0;
      }
    }
    stream.write(bytes, 0, n);
    text.delete(0, length);
  }
}
