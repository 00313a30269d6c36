package dev.tapes.testkit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Debian package unpacked into the {@link ToolCache} without installing it on the system:
 * {@code apt-get download} then {@code dpkg-deb -x}. Needs neither root nor a package
 * database, only apt's package lists; when those are missing (a fresh container) and we are
 * root, it runs {@code apt-get update} once and tries again.
 */
final class DebianPackage {

  private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);
  private static final Object UPDATE_LOCK = new Object();
  private static boolean updated;

  private DebianPackage() {}

  /**
   * The directory the package {@code name} is unpacked into (holding {@code usr/bin/...}),
   * under the cache entry {@code cacheName}.
   *
   * @throws IOException saying why the package could not be fetched or unpacked
   */
  static Path unpacked(String name, String cacheName) throws IOException {
    return ToolCache.entry(cacheName, directory -> {
      Files.createDirectories(directory);
      Path deb = download(name, directory);
      Command.Result unpack = Command.run(List.of("dpkg-deb", "-x", deb.toString(),
          directory.toString()), null, null, DOWNLOAD_TIMEOUT);
      Files.delete(deb);
      if (unpack.exitCode() != 0) {
        throw new IOException("dpkg-deb -x " + deb + " failed (exit " + unpack.exitCode()
            + "):\n" + unpack.output());
      }
    });
  }

  /**
   * Installs {@code packages} on the system with apt, as root only; {@code apt-get update} runs
   * first if the install fails for want of package lists.
   *
   * @throws IOException if we are not root or apt fails, saying which
   */
  static void installOnSystem(String... packages) throws IOException {
    requireTool("apt-get");
    if (!isRoot()) {
      throw new IOException("installing " + String.join(" ", packages) + " needs root");
    }
    List<String> command = new java.util.ArrayList<>(List.of("apt-get", "install", "-y", "-q",
        "--no-install-recommends"));
    command.addAll(List.of(packages));
    Command.Result result = Command.run(command, null, null, DOWNLOAD_TIMEOUT);
    if (result.exitCode() != 0 && updateOnce()) {
      result = Command.run(command, null, null, DOWNLOAD_TIMEOUT);
    }
    if (result.exitCode() != 0) {
      throw new IOException(String.join(" ", command) + " failed (exit " + result.exitCode()
          + "):\n" + result.output());
    }
  }

  private static Path download(String name, Path directory) throws IOException {
    requireTool("apt-get");
    requireTool("dpkg-deb");
    // Root downloads as the unprivileged _apt user by default, which cannot write into our
    // cache; download as ourselves instead.
    List<String> command = List.of("apt-get", "download", "-q",
        "-o", "APT::Sandbox::User=" + System.getProperty("user.name"), name);
    Command.Result result = Command.run(command, directory, null, DOWNLOAD_TIMEOUT);
    if (result.exitCode() != 0 && updateOnce()) {
      result = Command.run(command, directory, null, DOWNLOAD_TIMEOUT);
    }
    if (result.exitCode() != 0) {
      throw new IOException(String.join(" ", command) + " failed (exit " + result.exitCode()
          + "):\n" + result.output());
    }
    try (DirectoryStream<Path> debs = Files.newDirectoryStream(directory, name + "_*.deb")) {
      for (Path deb : debs) {
        return deb;
      }
    }
    throw new IOException("apt-get download " + name + " succeeded but left no .deb in "
        + directory + ":\n" + result.output());
  }

  /** Runs {@code apt-get update} once per JVM, if we are root; true if it ran now. */
  private static boolean updateOnce() throws IOException {
    synchronized (UPDATE_LOCK) {
      if (updated || !isRoot()) {
        return false;
      }
      updated = true;
      Command.Result update = Command.run(List.of("apt-get", "update", "-q"), null, null,
          DOWNLOAD_TIMEOUT);
      if (update.exitCode() != 0) {
        throw new IOException("apt-get update failed (exit " + update.exitCode() + "):\n"
            + update.output());
      }
      return true;
    }
  }

  private static boolean isRoot() throws IOException {
    Command.Result id = Command.run(List.of("id", "-u"), null, null, Duration.ofSeconds(10));
    return id.exitCode() == 0 && id.output().trim().equals("0");
  }

  private static void requireTool(String tool) throws IOException {
    if (Command.onPath(tool) == null) {
      throw new IOException(tool + " is not on the PATH: not a Debian-based machine");
    }
  }
}
