package dev.tapes.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;

/**
 * The real {@code promtool} of the Prometheus project, to check exposition output as
 * Prometheus itself would.
 *
 * <pre>{@code
 * Promtool.Result result = Promtool.get().checkMetrics(text);
 * assertThat(result.isClean()).as(result.output()).isTrue();
 * }</pre>
 *
 * <p>Found on the PATH, else in the cache ({@code ~/.cache/tapes/promtool/usr/bin}), else
 * installed there from Debian's {@code prometheus} package without touching the system (see
 * {@link DebianPackage}). Where it truly cannot be installed, {@link #get()} aborts the calling
 * test as skipped, with a warning in the log and the reason in the skip message, so a missing
 * tool is visible and never a silent pass.
 */
public final class Promtool {

  /** The cache entry holding Debian's prometheus package, unpacked. */
  static final String CACHE_ENTRY = "promtool";

  private static final System.Logger LOG = System.getLogger(Promtool.class.getName());
  private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(1);
  private static volatile Object located;

  private final Path executable;

  private Promtool(Path executable) {
    this.executable = executable;
  }

  /**
   * The promtool to use, installing it first if needed.
   *
   * @throws org.opentest4j.TestAbortedException (the test is skipped) if it cannot be installed
   */
  public static Promtool get() {
    Object found = located;
    if (found == null) {
      synchronized (Promtool.class) {
        found = located;
        if (found == null) {
          found = locate();
          located = found;
        }
      }
    }
    if (found instanceof Promtool promtool) {
      return promtool;
    }
    String reason = (String) found;
    LOG.log(Level.WARNING, reason);
    Assumptions.abort(reason);
    throw new AssertionError("unreachable");
  }

  /** The promtool binary, or a message saying why there is none. */
  private static Object locate() {
    Path onPath = Command.onPath("promtool");
    if (onPath != null) {
      return new Promtool(onPath);
    }
    try {
      Path binary = DebianPackage.unpacked("prometheus", CACHE_ENTRY).resolve("usr/bin/promtool");
      if (!Files.isExecutable(binary)) {
        return "SKIPPING promtool checks: Debian package prometheus unpacked but " + binary
            + " is missing or not executable";
      }
      return new Promtool(binary);
    } catch (IOException | RuntimeException e) {
      return "SKIPPING promtool checks: promtool is not on the PATH and could not be installed "
          + "into " + ToolCache.root().resolve(CACHE_ENTRY) + " from Debian's prometheus "
          + "package: " + e.getMessage();
    }
  }

  public Path getExecutable() {
    return executable;
  }

  /**
   * Runs {@code promtool check metrics} (parse and lint) on {@code exposition}.
   *
   * @return its exit code and everything it printed
   */
  public Result checkMetrics(String exposition) {
    Objects.requireNonNull(exposition, "exposition");
    try {
      Command.Result result = Command.run(List.of(executable.toString(), "check", "metrics"),
          null, exposition, CHECK_TIMEOUT);
      return new Result(result.exitCode(), result.output());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + executable, e);
    }
  }

  /** What {@code promtool check metrics} said. */
  public record Result(int exitCode, String output) {

    /** True if promtool found no problem at all: exit code 0 and nothing printed. */
    public boolean isClean() {
      return exitCode == 0 && output.isBlank();
    }
  }
}
