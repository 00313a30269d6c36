package dev.tapes.distributed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Another JVM started by a test: its standard output read line by line, its standard error
 * kept in a file (quoted when something fails), stopped by its own process id.
 */
final class JavaProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path errors;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private JavaProcess(String name, Process process, Path errors) {
    this.name = name;
    this.process = process;
    this.errors = errors;
    Thread reader = new Thread(this::readOutput, "stdout-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java} with {@code arguments}; standard error goes to {@code logs/name.err}. */
  static JavaProcess start(String name, Path logs, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(arguments);
    Path errors = logs.resolve(name + ".err");
    try {
      Files.createDirectories(logs);
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()))
          .start();
      return new JavaProcess(name, process, errors);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  long pid() {
    return process.pid();
  }

  /** The first line of output matching {@code wanted}, waiting up to {@code deadline}. */
  String awaitLine(Predicate<String> wanted, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    try {
      while (true) {
        long left = end - System.nanoTime();
        String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
        if (line == null) {
          throw new AssertionError(name + " (pid " + pid() + ", alive " + process.isAlive()
              + ") printed no expected line within " + deadline + "; stderr:\n" + errors());
        }
        if (wanted.test(line)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Sends one line to the process's standard input. */
  void send(String line) {
    try {
      OutputStream in = process.getOutputStream();
      in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(name + " does not read its input any more", e);
    }
  }

  /** {@code kill -9}: no shutdown hook, no final save. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM, as a service manager stops a service: shutdown hooks run. */
  int terminate() {
    process.destroy();
    return waitForExit();
  }

  /** Waits for the process to end by itself. */
  int waitForExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(name + " did not exit; killed. stderr:\n" + errors());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  String errors() {
    try {
      return Files.exists(errors) ? Files.readString(errors) : "";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** Kills the process if it is still running: tests call it in a finally block. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void readOutput() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(
        process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("(output unreadable: " + e + ")");
    }
  }
}
