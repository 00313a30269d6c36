package dev.tapes.benchmarks;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.codahale.metrics.json.MetricsModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Dropwizard Metrics with {@value ScrapeData#TIMERS} default timers (exponentially decaying
 * reservoir), written as JSON the way its {@code MetricsServlet} does: Jackson with {@code
 * MetricsModule} (rates per second, durations in seconds, no samples), the registry itself as
 * the value.
 */
@State(Scope.Benchmark)
public class DropwizardScrapeState {

  MetricRegistry registry;
  ObjectWriter writer;
  final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

  @Setup
  public void setUp() {
    registry = new MetricRegistry();
    writer = new ObjectMapper()
        .registerModule(new MetricsModule(TimeUnit.SECONDS, TimeUnit.SECONDS, false))
        .writer();
    long[][] recordings = ScrapeData.recordings();
    for (int i = 0; i < ScrapeData.TIMERS; i++) {
      Timer timer = registry.timer(ScrapeData.dottedName(i));
      for (long nanos : recordings[i]) {
        timer.update(nanos, TimeUnit.NANOSECONDS);
      }
    }
  }
}
