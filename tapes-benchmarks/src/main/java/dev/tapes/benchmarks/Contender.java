package dev.tapes.benchmarks;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.Reservoir;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.HdrHistogram.Recorder;

/**
 * Every timer we compare, set up as in the JMH states, behind one interface for the tools that
 * run outside JMH ({@link RetainedSize}, {@link QuantileError}). The JMH benchmarks call the
 * libraries directly instead: an interface call would add to what they measure.
 */
enum Contender {
  TAPES("Tapes timer (default: sliding-window sketch)", TapesHome::sketch),
  TAPES_DECAYING("Tapes timer, Reservoir.exponentiallyDecaying()", TapesHome::decaying),
  DROPWIZARD("Dropwizard timer (ExponentiallyDecayingReservoir)", clock -> new DropwizardHome()),
  MICROMETER("Micrometer timer (SimpleMeterRegistry)", clock -> new MicrometerHome(false)),
  MICROMETER_PERCENTILES("Micrometer timer, publishPercentiles(0.5, 0.99, 0.999)",
      clock -> new MicrometerHome(true)),
  PROMETHEUS_CLASSIC("Prometheus classic histogram (default buckets)",
      clock -> new PrometheusHome(PrometheusState::classic)),
  PROMETHEUS_NATIVE("Prometheus native histogram",
      clock -> new PrometheusHome(PrometheusState::nativeHistogram)),
  PROMETHEUS_SUMMARY("Prometheus summary, quantiles 0.5, 0.99, 0.999", clock -> new SummaryHome()),
  HDR_HISTOGRAM("HdrHistogram Recorder (2 digits)", clock -> new HdrHome()),
  DD_SKETCH("DDSketch (1 %, unbounded dense, under a lock)", clock -> new DdSketchHome());

  private final String label;
  private final Function<ManualClock, Home> homes;

  Contender(String label, Function<ManualClock, Home> homes) {
    this.label = label;
    this.homes = homes;
  }

  String label() {
    return label;
  }

  /**
   * A fresh, empty home (registry) for this contender's timers. Only Tapes runs on
   * {@code clock}; the others use the system clock, as they would in production.
   */
  Home newHome(ManualClock clock) {
    return homes.apply(clock);
  }

  /** Where one library's timers live: its registry, or a list for bare data structures. */
  interface Home {

    /** The object whose retained graph holds every timer of this home. */
    Object root();

    /** Creates and registers a timer. */
    Probe newTimer(String name);
  }

  /** One timer. */
  interface Probe {

    void record(long nanos);

    /** The library's estimate of quantile {@code q}, in nanoseconds; NaN if it has none. */
    double quantileNanos(double q);
  }

  private static final class TapesHome implements Home {
    private final Registry registry;
    private final Reservoir reservoir;

    private TapesHome(ManualClock clock, Reservoir reservoir) {
      this.registry = new Registry(clock);
      this.reservoir = reservoir;
    }

    static Home sketch(ManualClock clock) {
      return new TapesHome(clock, Reservoir.slidingWindow());
    }

    static Home decaying(ManualClock clock) {
      return new TapesHome(clock, Reservoir.exponentiallyDecaying());
    }

    @Override
    public Object root() {
      return registry;
    }

    @Override
    public Probe newTimer(String name) {
      dev.tapes.Timer timer = registry.timer("bench." + name, reservoir);
      return new Probe() {
        @Override
        public void record(long nanos) {
          timer.update(nanos);
        }

        @Override
        public double quantileNanos(double q) {
          return timer.getSnapshot().getQuantile(q);
        }
      };
    }
  }

  private static final class DropwizardHome implements Home {
    private final com.codahale.metrics.MetricRegistry registry =
        new com.codahale.metrics.MetricRegistry();

    @Override
    public Object root() {
      return registry;
    }

    @Override
    public Probe newTimer(String name) {
      com.codahale.metrics.Timer timer = registry.timer(name);
      return new Probe() {
        @Override
        public void record(long nanos) {
          timer.update(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public double quantileNanos(double q) {
          return timer.getSnapshot().getValue(q);
        }
      };
    }
  }

  private static final class MicrometerHome implements Home {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final boolean percentiles;

    MicrometerHome(boolean percentiles) {
      this.percentiles = percentiles;
    }

    @Override
    public Object root() {
      return registry;
    }

    @Override
    public Probe newTimer(String name) {
      io.micrometer.core.instrument.Timer timer = percentiles
          ? MicrometerState.percentilesTimer(registry, name)
          : MicrometerState.timer(registry, name);
      return new Probe() {
        @Override
        public void record(long nanos) {
          timer.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public double quantileNanos(double q) {
          for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == q) {
              return value.value(TimeUnit.NANOSECONDS);
            }
          }
          return Double.NaN;
        }
      };
    }
  }

  private static final class PrometheusHome implements Home {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final BiFunction<PrometheusRegistry, String, Histogram> factory;

    PrometheusHome(BiFunction<PrometheusRegistry, String, Histogram> factory) {
      this.factory = factory;
    }

    @Override
    public Object root() {
      return registry;
    }

    @Override
    public Probe newTimer(String name) {
      Histogram histogram = factory.apply(registry, name + "_seconds");
      return new Probe() {
        @Override
        public void record(long nanos) {
          histogram.observe(nanos / 1e9);
        }

        @Override
        public double quantileNanos(double q) {
          HistogramDataPointSnapshot point = histogram.collect().getDataPoints().get(0);
          return 1e9 * PromqlQuantile.of(q, point);
        }
      };
    }
  }

  private static final class SummaryHome implements Home {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    @Override
    public Object root() {
      return registry;
    }

    @Override
    public Probe newTimer(String name) {
      Summary summary = PrometheusState.summary(registry, name + "_seconds");
      return new Probe() {
        @Override
        public void record(long nanos) {
          summary.observe(nanos / 1e9);
        }

        @Override
        public double quantileNanos(double q) {
          for (Quantile quantile : summary.collect().getDataPoints().get(0).getQuantiles()) {
            if (quantile.getQuantile() == q) {
              return 1e9 * quantile.getValue();
            }
          }
          return Double.NaN;
        }
      };
    }
  }

  private static final class HdrHome implements Home {
    private final List<Recorder> recorders = new ArrayList<>();

    @Override
    public Object root() {
      return recorders;
    }

    @Override
    public Probe newTimer(String name) {
      Recorder recorder = HdrHistogramState.recorder();
      recorders.add(recorder);
      return new Probe() {
        /** A recorder hands out each interval once; keep the sum of all intervals read. */
        private org.HdrHistogram.Histogram total;

        @Override
        public void record(long nanos) {
          recorder.recordValue(nanos);
        }

        @Override
        public double quantileNanos(double q) {
          org.HdrHistogram.Histogram interval = recorder.getIntervalHistogram();
          if (total == null) {
            total = interval;
          } else {
            total.add(interval);
          }
          return total.getValueAtPercentile(100 * q);
        }
      };
    }
  }

  private static final class DdSketchHome implements Home {
    private final List<DDSketch> sketches = new ArrayList<>();

    @Override
    public Object root() {
      return sketches;
    }

    @Override
    public Probe newTimer(String name) {
      DDSketch sketch = DdSketchState.sketch();
      sketches.add(sketch);
      return new Probe() {
        @Override
        public void record(long nanos) {
          synchronized (sketch) {
            sketch.accept(nanos);
          }
        }

        @Override
        public double quantileNanos(double q) {
          synchronized (sketch) {
            return sketch.getValueAtQuantile(q);
          }
        }
      };
    }
  }
}
