package dev.tapes.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An npm package installed into the {@link ToolCache} at a pinned version, with the machine's
 * own npm: {@code npm install --prefix ~/.cache/tapes/npm/NAME-VERSION NAME@VERSION}.
 */
final class NpmPackage {

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

  private NpmPackage() {}

  /** The package's own directory ({@code .../node_modules/NAME}), installed first if needed. */
  static Path installed(String name, String version) throws IOException {
    requireNode();
    Path prefix = ToolCache.entry("npm/" + name + "-" + version, directory -> {
      Files.createDirectories(directory);
      if (Command.onPath("npm") == null) {
        throw new IOException("npm is not on the PATH: cannot install " + name + "@" + version);
      }
      // Optional dependencies (syslog, hashring) need native builds we never use; scripts
      // likewise. A pinned version and no lock file keep the install reproducible enough.
      Command.Result result = Command.run(List.of("npm", "install", "--prefix",
          directory.toString(), "--no-audit", "--no-fund", "--no-save", "--no-package-lock",
          "--omit=optional", "--ignore-scripts", name + "@" + version), directory, null,
          INSTALL_TIMEOUT);
      if (result.exitCode() != 0) {
        throw new IOException("npm install " + name + "@" + version + " failed (exit "
            + result.exitCode() + "):\n" + result.output());
      }
    });
    Path module = prefix.resolve("node_modules").resolve(name);
    if (!Files.isDirectory(module)) {
      throw new IOException("npm installed " + name + "@" + version + " but " + module
          + " is missing; delete " + prefix + " to reinstall");
    }
    return module;
  }

  /**
   * The node executable. A machine without Node.js gets Debian's {@code nodejs} and {@code npm}
   * when we are root (a fresh CI machine); otherwise this fails saying what to install.
   */
  static Path requireNode() throws IOException {
    Path node = Command.onPath("node");
    if (node == null || Command.onPath("npm") == null) {
      installNode();
      node = Command.onPath("node");
    }
    if (node == null) {
      throw new IllegalStateException("Node.js is required to run the reference StatsD daemon "
          + "but `node` is not on the PATH; install Node.js (Debian: apt-get install nodejs npm)");
    }
    Command.Result version = Command.run(List.of(node.toString(), "--version"), null, null,
        Duration.ofSeconds(30));
    if (version.exitCode() != 0) {
      throw new IllegalStateException("`node --version` failed (exit " + version.exitCode()
          + "): " + version.output());
    }
    return node;
  }

  private static synchronized void installNode() {
    try {
      DebianPackage.installOnSystem("nodejs", "npm");
    } catch (IOException e) {
      System.getLogger(NpmPackage.class.getName()).log(System.Logger.Level.WARNING,
          "Node.js is missing and could not be installed: " + e.getMessage());
    }
  }
}
