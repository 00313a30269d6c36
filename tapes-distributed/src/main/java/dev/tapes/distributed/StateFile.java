package dev.tapes.distributed;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The aggregator's state file: a {@link Checkpoint} written atomically (a temporary file in the
 * same directory, forced to disk, then renamed over the old one), so that a crash at any
 * moment, {@code kill -9} included, leaves either the previous state or the new one, never a
 * torn file.
 */
final class StateFile {

  private static final System.Logger LOG = System.getLogger(StateFile.class.getName());

  private final Path path;
  private final Path temporary;

  StateFile(Path path) {
    this.path = path.toAbsolutePath();
    this.temporary = this.path.resolveSibling(this.path.getFileName() + ".tmp");
  }

  Path path() {
    return path;
  }

  /**
   * The saved checkpoint, or null if there is none. A file that cannot be decoded is moved
   * aside (renamed with a {@code .corrupt-<millis>} suffix) and logged as an error, so the
   * aggregator starts empty rather than not at all, and the file stays for inspection.
   *
   * @throws IOException if the file exists but cannot be read or moved aside
   */
  Checkpoint load() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return null;
    }
    try {
      return WireCodec.decodeCheckpoint(bytes);
    } catch (WireFormatException e) {
      Path aside = path.resolveSibling(path.getFileName() + ".corrupt-"
          + System.currentTimeMillis());
      Files.move(path, aside);
      LOG.log(Level.ERROR, "aggregator state file " + path + " is unreadable (" + e.getMessage()
          + "); moved it to " + aside + " and starting with empty totals");
      return null;
    }
  }

  void save(Checkpoint checkpoint) throws IOException {
    byte[] bytes = WireCodec.encode(checkpoint);
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Only on file systems without atomic rename; a crash mid-move could then tear the file,
      // which load() detects by its checksum.
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
