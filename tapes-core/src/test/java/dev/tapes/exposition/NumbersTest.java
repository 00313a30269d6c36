package dev.tapes.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void prometheusNumbersAreShortAndExact() {
    assertThat(prometheus(3.0)).isEqualTo("3");
    assertThat(prometheus(-12.0)).isEqualTo("-12");
    assertThat(prometheus(0.02)).isEqualTo("0.02");
    assertThat(prometheus(5.012345E-4)).isEqualTo("0.0005012345");
    assertThat(prometheus(1e-12)).isEqualTo("0.000000000001");
    assertThat(prometheus(-0.0)).isEqualTo("-0");
    assertThat(prometheus(Double.NaN)).isEqualTo("NaN");
    assertThat(prometheus(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(prometheus(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(prometheus(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
    assertThat(prometheus(1e15)).isEqualTo("1000000000000000");
    assertThat(prometheus(1e300)).isEqualTo("1.0E300");
  }

  @Test
  void jsonNumbersAlwaysHaveAFractionAndNonFiniteIsNull() {
    assertThat(json(2.0)).isEqualTo("2.0");
    assertThat(json(-0.0)).isEqualTo("-0.0");
    assertThat(json(0.0)).isEqualTo("0.0");
    assertThat(json(123.25)).isEqualTo("123.25");
    assertThat(json(Double.NaN)).isEqualTo("null");
    assertThat(json(Double.NEGATIVE_INFINITY)).isEqualTo("null");
  }

  @Test
  void everyFiniteDoubleReadsBackExactly() {
    long seed = 42;
    Random random = new Random(seed);
    for (int i = 0; i < 200_000; i++) {
      double value = switch (i % 4) {
        case 0 -> Double.longBitsToDouble(random.nextLong());
        case 1 -> random.nextInt(1_000_000_000) / 1e9;
        case 2 -> (random.nextLong() >> random.nextInt(64)) / Math.pow(10, random.nextInt(25));
        default -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      };
      if (!Double.isFinite(value)) {
        continue;
      }
      String json = json(value);
      String prometheus = prometheus(value);
      assertThat(Double.doubleToRawLongBits(Double.parseDouble(json)))
          .as("seed %s: %s as JSON %s", seed, value, json)
          .isEqualTo(Double.doubleToRawLongBits(value));
      assertThat(Double.parseDouble(prometheus))
          .as("seed %s: %s as Prometheus %s", seed, value, prometheus).isEqualTo(value);
      assertThat(json).containsAnyOf(".", "E");
    }
  }

  private static String prometheus(double value) {
    StringBuilder out = new StringBuilder();
    Numbers.appendPrometheus(out, value);
    return out.toString();
  }

  private static String json(double value) {
    StringBuilder out = new StringBuilder();
    Numbers.appendJson(out, value);
    return out.toString();
  }
}
