package dev.tapes.distributed;

import dev.tapes.CounterSnapshot;
import dev.tapes.ExponentialBuckets;
import dev.tapes.GaugeSnapshot;
import dev.tapes.HistogramSnapshot;
import dev.tapes.MeterSnapshot;
import dev.tapes.MetricSnapshot;
import dev.tapes.MetricType;
import dev.tapes.Rates;
import dev.tapes.RegistrySnapshot;
import dev.tapes.SampleSnapshot;
import dev.tapes.SketchSnapshot;
import dev.tapes.Snapshot;
import dev.tapes.TimerSnapshot;
import dev.tapes.internal.MetricNameRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one owner of the distributed mode's binary format, in both directions: the proxies'
 * state messages and the aggregator's state file. No Java serialization: a frame is read field
 * by field, every field checked, and anything malformed refused with a
 * {@link WireFormatException}.
 *
 * <p>Frame layout, version {@value #VERSION} (all integers big-endian or varints, see
 * {@link WireWriter}):
 *
 * <pre>
 * frame     = 'T' 'P' 'D' version:u8 kind:u8 body crc32c:u32   (crc over everything before it)
 * STATE     = flags:u8 (bit 0: last) instanceId:i64 sequence:varint process:string
 *             count:varint metric*                              (metrics in ascending name order)
 * CHECKPOINT= count:varint metric*                              (retired totals)
 *             count:varint (instanceId:i64 lastSequence:varint)* (tombstones)
 *             count:varint (instanceId:i64 lastSequence:varint flags:u8 process:string
 *                           count:varint (sequence:varint metric)*)*
 * metric    = type:u8 name:string fields
 *   counter   1: count:zigzag
 *   gauge     2: value:f64
 *   meter     3: count:varint rates
 *   histogram 4: count:varint sum:zigzag window lifetime
 *   timer     5: count:varint sumNanos:zigzag rates window lifetime
 * rates     = mean:f64 m1:f64 m5:f64 m15:f64                    (finite, non-negative)
 * window    = 1 (sketch): sketch
 *           | 2 (sample): n:varint value:zigzag{n} weight:f64{n}
 * lifetime  = 0 (none: a sampling reservoir) | 1: sketch
 * sketch    = unit:varint zero:varint side side [min:zigzag max:zigzag]   (extremes if not empty)
 * side      = k:varint [first:zigzag gap:varint{k-1} count:varint{k}]     (negative, then
 *                                                                        positive buckets)
 * string    = length:varint utf8-bytes
 * </pre>
 *
 * <p>One class on purpose, past the usual size: every byte of the format, both directions,
 * sits in one place, so a layout change cannot update a writer and miss its reader.
 *
 * <p>Versioning: the version byte names the layout. A reader accepts exactly the versions it
 * knows and rejects the rest as bad input (counted, logged), so a newer proxy talking to an
 * older aggregator is visible, never misread. Any change to the layout takes a new version.
 */
final class WireCodec {

  /** 2: exponential buckets of schema 6 (Prometheus' own) and lifetime buckets. */
  static final int VERSION = 2;

  static final int KIND_STATE = 1;
  static final int KIND_CHECKPOINT = 2;

  /** Longest metric name accepted, in UTF-8 bytes. */
  static final int MAX_NAME_BYTES = 4096;
  /** Longest process name accepted, in UTF-8 bytes. */
  static final int MAX_PROCESS_BYTES = 256;
  /**
   * Most values one sketch (a window, or a lifetime) may hold: 2^47, 4.5 years at a million a
   * second, and small enough that summing the sketches of 65,536 processes cannot overflow a
   * long.
   */
  static final long MAX_WINDOW_VALUES = 1L << 47;

  private static final byte[] MAGIC = {'T', 'P', 'D'};

  private static final int COUNTER = 1;
  private static final int GAUGE = 2;
  private static final int METER = 3;
  private static final int HISTOGRAM = 4;
  private static final int TIMER = 5;
  private static final int SKETCH = 1;
  private static final int SAMPLE = 2;
  private static final int FLAG_LAST = 1;

  private WireCodec() {}

  static byte[] encode(StateMessage message) {
    WireWriter out = header(KIND_STATE, 64 + 64 * message.registry().metrics().size());
    out.writeByte(message.last() ? FLAG_LAST : 0);
    out.writeFixedLong(message.instanceId());
    out.writeVarLong(message.sequence());
    out.writeString(message.process());
    writeMetrics(out, message.registry().metrics());
    return out.finish();
  }

  static StateMessage decodeState(byte[] frame) throws WireFormatException {
    WireReader in = body(frame, KIND_STATE);
    int flags = in.readByte();
    if ((flags & ~FLAG_LAST) != 0) {
      throw new WireFormatException("unknown flags " + flags);
    }
    long instanceId = in.readFixedLong();
    long sequence = in.readVarLong();
    if (sequence < 1) {
      throw new WireFormatException("sequence " + Long.toUnsignedString(sequence)
          + " out of range");
    }
    String process = in.readString(MAX_PROCESS_BYTES, "process name");
    List<MetricSnapshot> metrics = readMetrics(in);
    in.expectEnd();
    return new StateMessage(instanceId, sequence, (flags & FLAG_LAST) != 0, process,
        registry(metrics));
  }

  static byte[] encode(Checkpoint checkpoint) {
    WireWriter out = header(KIND_CHECKPOINT, 1024);
    writeMetrics(out, checkpoint.retired());
    out.writeVarLong(checkpoint.tombstones().size());
    for (Map.Entry<Long, Long> tombstone : checkpoint.tombstones().entrySet()) {
      out.writeFixedLong(tombstone.getKey());
      out.writeVarLong(tombstone.getValue());
    }
    out.writeVarLong(checkpoint.processes().size());
    for (Checkpoint.Process process : checkpoint.processes()) {
      out.writeFixedLong(process.instanceId());
      out.writeVarLong(process.lastSequence());
      out.writeByte(process.last() ? FLAG_LAST : 0);
      out.writeString(process.name());
      out.writeVarLong(process.metrics().size());
      for (Checkpoint.Entry entry : process.metrics()) {
        out.writeVarLong(entry.sequence());
        writeMetric(out, entry.metric());
      }
    }
    return out.finish();
  }

  static Checkpoint decodeCheckpoint(byte[] frame) throws WireFormatException {
    WireReader in = body(frame, KIND_CHECKPOINT);
    List<MetricSnapshot> retired = readMetrics(in);
    int tombstoneCount = in.readCount(9, "tombstone");
    Map<Long, Long> tombstones = new HashMap<>();
    for (int i = 0; i < tombstoneCount; i++) {
      tombstones.put(in.readFixedLong(), nonNegative(in.readVarLong(), "sequence"));
    }
    int processCount = in.readCount(12, "process");
    List<Checkpoint.Process> processes = new ArrayList<>(processCount);
    for (int i = 0; i < processCount; i++) {
      long instanceId = in.readFixedLong();
      long lastSequence = nonNegative(in.readVarLong(), "sequence");
      boolean last = (in.readByte() & FLAG_LAST) != 0;
      String name = in.readString(MAX_PROCESS_BYTES, "process name");
      int entryCount = in.readCount(4, "metric");
      List<Checkpoint.Entry> entries = new ArrayList<>(entryCount);
      for (int j = 0; j < entryCount; j++) {
        long sequence = nonNegative(in.readVarLong(), "sequence");
        entries.add(new Checkpoint.Entry(sequence, readMetric(in)));
      }
      processes.add(new Checkpoint.Process(instanceId, name, lastSequence, last, entries));
    }
    in.expectEnd();
    return new Checkpoint(retired, tombstones, processes);
  }

  private static WireWriter header(int kind, int sizeHint) {
    WireWriter out = new WireWriter(sizeHint);
    out.writeBytes(MAGIC);
    out.writeByte(VERSION);
    out.writeByte(kind);
    return out;
  }

  private static WireReader body(byte[] frame, int expectedKind) throws WireFormatException {
    if (frame == null) {
      throw new WireFormatException("no frame");
    }
    WireReader in = WireReader.verified(frame);
    for (byte expected : MAGIC) {
      if (in.readByte() != expected) {
        throw new WireFormatException("not a tapes frame (bad magic)");
      }
    }
    int version = in.readByte();
    if (version != VERSION) {
      throw new WireFormatException("unsupported version " + version + " (this reads "
          + VERSION + ")");
    }
    int kind = in.readByte();
    if (kind != expectedKind) {
      throw new WireFormatException("unexpected message kind " + kind);
    }
    return in;
  }

  private static void writeMetrics(WireWriter out, List<MetricSnapshot> metrics) {
    out.writeVarLong(metrics.size());
    for (MetricSnapshot metric : metrics) {
      writeMetric(out, metric);
    }
  }

  private static void writeMetric(WireWriter out, MetricSnapshot metric) {
    out.writeByte(typeByte(metric.type()));
    out.writeString(metric.name());
    switch (metric.type()) {
      case COUNTER -> out.writeSignedVarLong(((CounterSnapshot) metric).count());
      case GAUGE -> out.writeDouble(((GaugeSnapshot) metric).value());
      case METER -> {
        MeterSnapshot meter = (MeterSnapshot) metric;
        out.writeVarLong(meter.count());
        writeRates(out, meter.rates());
      }
      case HISTOGRAM -> {
        HistogramSnapshot histogram = (HistogramSnapshot) metric;
        out.writeVarLong(histogram.count());
        out.writeSignedVarLong(histogram.sum());
        writeWindow(out, histogram.window());
        writeLifetime(out, histogram.lifetime());
      }
      case TIMER -> {
        TimerSnapshot timer = (TimerSnapshot) metric;
        out.writeVarLong(timer.count());
        out.writeSignedVarLong(timer.sumNanos());
        writeRates(out, timer.rates());
        writeWindow(out, timer.window());
        writeLifetime(out, timer.lifetime());
      }
    }
  }

  /** The type's byte on the wire: part of the format, so spelled out, never an ordinal. */
  private static int typeByte(MetricType type) {
    return switch (type) {
      case COUNTER -> COUNTER;
      case GAUGE -> GAUGE;
      case METER -> METER;
      case HISTOGRAM -> HISTOGRAM;
      case TIMER -> TIMER;
    };
  }

  private static void writeRates(WireWriter out, Rates rates) {
    out.writeDouble(rates.meanRate());
    out.writeDouble(rates.oneMinuteRate());
    out.writeDouble(rates.fiveMinuteRate());
    out.writeDouble(rates.fifteenMinuteRate());
  }

  private static void writeWindow(WireWriter out, Snapshot window) {
    if (window instanceof SketchSnapshot sketch) {
      out.writeByte(SKETCH);
      writeSketch(out, sketch);
    } else {
      SampleSnapshot sample = (SampleSnapshot) window;
      out.writeByte(SAMPLE);
      long[] values = sample.values();
      double[] weights = sample.weights();
      out.writeVarLong(values.length);
      for (long value : values) {
        out.writeSignedVarLong(value);
      }
      for (double weight : weights) {
        out.writeDouble(weight);
      }
    }
  }

  private static void writeLifetime(WireWriter out, SketchSnapshot lifetime) {
    if (lifetime == null) {
      out.writeByte(0);
    } else {
      out.writeByte(SKETCH);
      writeSketch(out, lifetime);
    }
  }

  private static void writeSketch(WireWriter out, SketchSnapshot sketch) {
    ExponentialBuckets buckets = sketch.buckets();
    out.writeVarLong(sketch.unitsPerExportedUnit());
    out.writeVarLong(buckets.zeroCount());
    writeSide(out, buckets.negativeIndexes(), buckets.negativeCounts());
    writeSide(out, buckets.positiveIndexes(), buckets.positiveCounts());
    if (!buckets.isEmpty()) {
      out.writeSignedVarLong(sketch.minValue());
      out.writeSignedVarLong(sketch.maxValue());
    }
  }

  private static void writeSide(WireWriter out, int[] indexes, long[] counts) {
    out.writeVarLong(indexes.length);
    if (indexes.length == 0) {
      return;
    }
    out.writeSignedVarLong(indexes[0]);
    for (int i = 1; i < indexes.length; i++) {
      out.writeVarLong((long) indexes[i] - indexes[i - 1]);
    }
    for (long count : counts) {
      out.writeVarLong(count);
    }
  }

  private static List<MetricSnapshot> readMetrics(WireReader in) throws WireFormatException {
    int count = in.readCount(4, "metric");
    List<MetricSnapshot> metrics = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      metrics.add(readMetric(in));
    }
    return metrics;
  }

  private static MetricSnapshot readMetric(WireReader in) throws WireFormatException {
    int type = in.readByte();
    String name = validName(in.readString(MAX_NAME_BYTES, "metric name"));
    switch (type) {
      case COUNTER:
        return new CounterSnapshot(name, in.readSignedVarLong());
      case GAUGE:
        return new GaugeSnapshot(name, in.readDouble());
      case METER:
        return new MeterSnapshot(name, nonNegative(in.readVarLong(), "count"), readRates(in));
      case HISTOGRAM:
        return new HistogramSnapshot(name, nonNegative(in.readVarLong(), "count"),
            in.readSignedVarLong(), readWindow(in), readLifetime(in));
      case TIMER: {
        long count = nonNegative(in.readVarLong(), "count");
        long sumNanos = in.readSignedVarLong();
        Rates rates = readRates(in);
        return new TimerSnapshot(name, count, sumNanos, rates, readWindow(in),
            readLifetime(in));
      }
      default:
        throw new WireFormatException("metric '" + name + "' has unknown type " + type);
    }
  }

  private static Rates readRates(WireReader in) throws WireFormatException {
    return new Rates(rate(in), rate(in), rate(in), rate(in));
  }

  private static double rate(WireReader in) throws WireFormatException {
    double rate = in.readDouble();
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new WireFormatException("rate " + rate + " is not a finite non-negative number");
    }
    return rate;
  }

  private static Snapshot readWindow(WireReader in) throws WireFormatException {
    int type = in.readByte();
    if (type == SKETCH) {
      return readSketch(in);
    }
    if (type == SAMPLE) {
      int size = in.readCount(9, "sample");
      long[] values = new long[size];
      for (int i = 0; i < size; i++) {
        values[i] = in.readSignedVarLong();
      }
      double[] weights = new double[size];
      for (int i = 0; i < size; i++) {
        weights[i] = in.readDouble();
      }
      try {
        return SampleSnapshot.of(values, weights);
      } catch (IllegalArgumentException e) {
        throw new WireFormatException("bad sample: " + e.getMessage());
      }
    }
    throw new WireFormatException("unknown window type " + type);
  }

  private static SketchSnapshot readLifetime(WireReader in) throws WireFormatException {
    int type = in.readByte();
    if (type == 0) {
      return null;
    }
    if (type != SKETCH) {
      throw new WireFormatException("unknown lifetime type " + type);
    }
    return readSketch(in);
  }

  /** A sketch of at most {@link #MAX_WINDOW_VALUES} values, every field checked. */
  private static SketchSnapshot readSketch(WireReader in) throws WireFormatException {
    long unit = in.readVarLong();
    long zero = in.readVarLong();
    long[] total = {zero};
    if (zero < 0 || zero > MAX_WINDOW_VALUES) {
      throw new WireFormatException("zero count " + Long.toUnsignedString(zero)
          + " out of range");
    }
    Side negative = readSide(in, total);
    Side positive = readSide(in, total);
    long min = 0;
    long max = 0;
    if (total[0] > 0) {
      min = in.readSignedVarLong();
      max = in.readSignedVarLong();
    }
    try {
      ExponentialBuckets buckets = ExponentialBuckets.of(ExponentialBuckets.SKETCH_SCHEMA, zero,
          positive.indexes(), positive.counts(), negative.indexes(), negative.counts(),
          Double.NaN, Double.NaN);
      return SketchSnapshot.of(unit, buckets, min, max);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException("bad sketch: " + e.getMessage());
    }
  }

  /** One side of a sketch's buckets. */
  private record Side(int[] indexes, long[] counts) {}

  /** One side's buckets, adding their counts to {@code total[0]}. */
  private static Side readSide(WireReader in, long[] total) throws WireFormatException {
    int buckets = in.readCount(2, "bucket");
    int[] indexes = new int[buckets];
    long[] counts = new long[buckets];
    if (buckets == 0) {
      return new Side(indexes, counts);
    }
    long index = in.readSignedVarLong();
    for (int i = 0; i < buckets; i++) {
      if (i > 0) {
        long gap = in.readVarLong();
        if (gap <= 0 || gap > Integer.MAX_VALUE) {
          throw new WireFormatException("bucket indexes must ascend (gap " + gap + ")");
        }
        index += gap;
      }
      if (index < Integer.MIN_VALUE || index > Integer.MAX_VALUE) {
        throw new WireFormatException("bucket index " + index + " out of range");
      }
      indexes[i] = (int) index;
    }
    for (int i = 0; i < buckets; i++) {
      counts[i] = in.readVarLong();
      if (counts[i] <= 0 || counts[i] > MAX_WINDOW_VALUES) {
        throw new WireFormatException("bucket count " + Long.toUnsignedString(counts[i])
            + " out of range");
      }
      total[0] += counts[i];
      if (total[0] > MAX_WINDOW_VALUES) {
        throw new WireFormatException("a sketch holds more than " + MAX_WINDOW_VALUES
            + " values");
      }
    }
    return new Side(indexes, counts);
  }

  private static RegistrySnapshot registry(List<MetricSnapshot> metrics)
      throws WireFormatException {
    try {
      return new RegistrySnapshot(metrics);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException(e.getMessage());
    }
  }

  private static long nonNegative(long value, String what) throws WireFormatException {
    if (value < 0) {
      throw new WireFormatException(what + " " + Long.toUnsignedString(value) + " out of range");
    }
    return value;
  }

  /** The core's rules for names ({@link MetricNameRules}), refusing as bad input. */
  static String validName(String name) throws WireFormatException {
    try {
      return MetricNameRules.validate(name);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException("malformed metric name '" + printable(name) + "'");
    }
  }

  /** A name fit for a log line: control characters escaped, at most 80 characters. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 80; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return text.length() > 80 ? out + "..." : out.toString();
  }
}
