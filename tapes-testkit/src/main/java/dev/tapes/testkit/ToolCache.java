package dev.tapes.testkit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The cache where the testkit installs the tools tests need, outside the system: by default
 * {@code ~/.cache/tapes}, or the directory named by the system property {@value #PROPERTY}.
 *
 * <p>An entry is installed at most once: under a file lock (several test JVMs and worktrees
 * may share the cache), into a scratch directory that is renamed into place only when
 * complete, so a crash never leaves a half-installed tool that later runs would trust.
 */
final class ToolCache {

  /** System property naming the cache directory. */
  static final String PROPERTY = "tapes.cache.dir";

  /** Serializes installs within this JVM: a FileLock is held per JVM, not per thread. */
  private static final Object JVM_LOCK = new Object();

  private ToolCache() {}

  /** Installs into a directory that does not exist yet. */
  interface Installer {
    void installInto(Path directory) throws IOException;
  }

  static Path root() {
    String configured = System.getProperty(PROPERTY);
    return configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "tapes");
  }

  /**
   * The cache entry {@code name} (a relative path), installed by {@code installer} first if
   * it is missing.
   */
  static Path entry(String name, Installer installer) throws IOException {
    Path target = root().resolve(name);
    if (Files.isDirectory(target)) {
      return target;
    }
    synchronized (JVM_LOCK) {
      Files.createDirectories(target.getParent());
      Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (Files.isDirectory(target)) {
          return target; // another JVM installed it while we waited
        }
        Path scratch = Files.createTempDirectory(target.getParent(),
            target.getFileName() + ".partial-");
        try {
          Path staging = scratch.resolve("entry");
          installer.installInto(staging);
          try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
          }
        } finally {
          Directories.deleteRecursively(scratch);
        }
        return target;
      }
    }
  }
}
