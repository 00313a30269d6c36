package dev.tapes.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion, its output (stdout and stderr) kept in a file. */
final class Command {

  private Command() {}

  /** What a finished command printed and returned. */
  record Result(int exitCode, String output) {}

  /**
   * Runs {@code command} in {@code directory} (null: the current one), with {@code input} on
   * its standard input (null: none), and kills it if it runs past {@code timeout}.
   */
  static Result run(List<String> command, Path directory, String input, Duration timeout)
      throws IOException {
    Path output = Files.createTempFile("tapes-cmd", ".out");
    Path stdin = null;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      if (input != null) {
        stdin = Files.createTempFile("tapes-cmd", ".in");
        Files.writeString(stdin, input, StandardCharsets.UTF_8);
        builder.redirectInput(stdin.toFile());
      } else {
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      }
      Process process = builder.start();
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          return new Result(-1, "timed out after " + timeout + ": " + command + "\n"
              + Files.readString(output, StandardCharsets.UTF_8));
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + command, e);
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
      if (stdin != null) {
        Files.deleteIfExists(stdin);
      }
    }
  }

  /** The first executable called {@code name} on the PATH, or null. */
  static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String directory : path.split(java.io.File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
