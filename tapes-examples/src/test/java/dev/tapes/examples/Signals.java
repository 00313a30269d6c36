package dev.tapes.examples;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Ctrl-C for a child process: {@code kill -INT}, as a terminal sends it. */
final class Signals {

  private static final System.Logger LOG = System.getLogger(Signals.class.getName());

  private Signals() {}

  /**
   * Sends SIGINT to {@code pid}, or SIGTERM where the process ignores SIGINT: a process started
   * in the background of a non-interactive shell inherits an ignored SIGINT (so does everything
   * it starts, a build and its tests included), and the JVM then installs no handler for it. It
   * runs the same shutdown hooks for both.
   *
   * @return the signal sent, {@code "INT"} or {@code "TERM"}
   */
  static String interrupt(long pid) throws IOException, InterruptedException {
    String signal = ignoresSigint(pid) ? "TERM" : "INT";
    if (signal.equals("TERM")) {
      LOG.log(Level.WARNING, "process " + pid + " ignores SIGINT (inherited from a background "
          + "shell): sending SIGTERM instead");
    }
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO()
        .start();
    if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill -" + signal + " " + pid + " failed");
    }
    return signal;
  }

  /** Reads the mask of ignored signals in {@code /proc/PID/status}; SIGINT is signal 2. */
  private static boolean ignoresSigint(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
      }
    }
    return false;
  }
}
