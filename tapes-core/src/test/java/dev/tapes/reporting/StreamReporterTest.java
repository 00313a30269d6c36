package dev.tapes.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.testkit.Await;
import dev.tapes.testkit.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class StreamReporterTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_LONG_FOR_INTS);

  private final Registry registry = new Registry(new ManualClock());

  /** A stream that can be made to fail, and recover. */
  private static final class FlakyStream extends OutputStream {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    volatile boolean failing;

    @Override
    public synchronized void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      if (failing) {
        throw new IOException("disk full, on purpose");
      }
      written.write(bytes, offset, length);
    }

    synchronized String text() {
      return written.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesOneJsonDocumentPerLineThatParsesBackToGetStats() throws Exception {
    registry.counter("jobs.inFlight").increment(2);
    registry.timer("my.timer").update(Duration.ofMillis(5));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StreamReporter reporter = new StreamReporter(Duration.ofSeconds(10),
        new PrintStream(bytes, true, StandardCharsets.UTF_8), registry);

    reporter.report();
    registry.counter("jobs.inFlight").increment();
    reporter.report();

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).isEmpty();
    Map<?, ?> second = JSON.readValue(lines[1], Map.class);
    assertThat(second.get("jobs")).isEqualTo(Map.of("inFlight", Map.of("value", 3L)));
    assertThat(((Map<?, ?>) ((Map<?, ?>) second.get("my")).get("timer")).get("max"))
        .isEqualTo(0.005);
  }

  @Test
  void reportsEveryIntervalUntilStopped() {
    FlakyStream stream = new FlakyStream();
    registry.meter("jobs").mark();
    try (StreamReporter reporter = new StreamReporter(Duration.ofMillis(20),
        new PrintStream(stream, true, StandardCharsets.UTF_8), registry)) {
      reporter.start();

      Await.until(() -> stream.text().split("\n").length >= 3, DEADLINE);
      assertThat(stream.text()).startsWith("{\"jobs\":{\"count\":1,");
    }
  }

  @Test
  void aFailingStreamIsLoggedOnceAndWritingResumesWhenItRecovers() {
    FlakyStream stream = new FlakyStream();
    StreamReporter reporter = new StreamReporter(Duration.ofSeconds(10),
        new PrintStream(stream, true, StandardCharsets.UTF_8), registry);
    registry.counter("c").increment();
    try (LogCapture log = LogCapture.of(ScheduledReporter.class)) {
      stream.failing = true;
      reporter.reportSafely();
      reporter.reportSafely();
      reporter.reportSafely();
      assertThat(stream.text()).isEmpty();

      stream.failing = false;
      reporter.reportSafely();

      assertThat(stream.text()).isEqualTo("{\"c\":{\"value\":1}}\n");
      assertThat(log.messages(Level.WARNING)).hasSize(1).first().asString()
          .contains("StreamReporter failed");
    }
  }

  @Test
  void aClosedStreamNeverThrowsIntoTheCaller() {
    PrintStream closed = new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8);
    closed.close();
    StreamReporter reporter = new StreamReporter(Duration.ofSeconds(10), closed, registry);
    try (LogCapture log = LogCapture.of(ScheduledReporter.class)) {
      reporter.reportSafely();
      reporter.reportSafely();

      assertThat(log.messages(Level.WARNING)).hasSize(1);
    }
  }
}
