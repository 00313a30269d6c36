package dev.tapes.reporting;

import dev.tapes.SnapshotSource;
import dev.tapes.exposition.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Writes one JSON document per line, per interval, to a stream: the seed's
 * {@code ThreadedStreamReporter}. Each document is the {@code getStats()} tree
 * ({@link JsonFormat}).
 *
 * <pre>{@code
 * new StreamReporter(Duration.ofSeconds(10), System.out, registry).start();
 * }</pre>
 *
 * <p>Each line is written with a single {@code write} call, so lines from other threads
 * printing to the same stream never land in the middle of a document.
 *
 * <p>A {@link PrintStream} swallows its errors and only remembers that one happened
 * ({@link PrintStream#checkError()} stays true for good). Once it reports an error, the fault
 * is logged once and the reporter keeps writing every interval, so output resumes as soon as
 * the stream accepts it again; but the flag hides whether it does, so no recovery is logged.
 */
public class StreamReporter extends ScheduledReporter {

  private final PrintStream out;
  /** Reused: reports never overlap. */
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);

  public StreamReporter(Duration interval, PrintStream out, SnapshotSource registry) {
    this(interval, out, registry, null);
  }

  /** Runs on {@code executor}, for example a container's managed scheduled executor. */
  public StreamReporter(Duration interval, PrintStream out, SnapshotSource registry,
      ScheduledExecutorService executor) {
    super(interval, registry, executor);
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public synchronized void report() throws IOException {
    line.reset();
    JsonFormat.write(getRegistry().snapshot(), line);
    line.write('\n');
    line.writeTo(out);
    out.flush();
    if (out.checkError()) {
      throw new IOException("the stream has reported a write error (closed or failing); a "
          + "PrintStream keeps that flag, so later writes cannot be told to succeed. Reports "
          + "keep being written to it every interval.");
    }
  }
}
