package dev.tapes.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectParserTest {

  @Test
  void readsQuotedAndBareKeysOverSeveralLines() {
    Map<String, Object> parsed = InspectParser.parse("""
        {
          'statsd.bad_lines_seen': 0,
          jobs: -2.5,
          "it's": 1e+21,
          'x.y': NaN
        }""");

    assertThat(parsed).containsExactly(Map.entry("statsd.bad_lines_seen", 0.0),
        Map.entry("jobs", -2.5), Map.entry("it's", 1e21), Map.entry("x.y", Double.NaN));
  }

  @Test
  void readsArraysOfNumbers() {
    assertThat(InspectParser.parse("{ latency: [ 12, 3.5,\n  7 ], empty: [] }"))
        .containsExactly(Map.entry("latency", List.of(12.0, 3.5, 7.0)),
            Map.entry("empty", List.of()));
    assertThat(InspectParser.parse("{}")).isEmpty();
  }

  @Test
  void refusesTruncatedArraysAndGarbage() {
    assertThatThrownBy(() -> InspectParser.parse("{ a: [ 1, ... 5 more items ] }"))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> InspectParser.parse("{ a: x }"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
