package dev.tapes.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.exposition.ExpositionFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class ContentNegotiationTest {

  @ParameterizedTest
  @NullAndEmptySource
  void noAcceptHeaderMeansJson(String accept) {
    assertThat(ContentNegotiation.negotiate(accept)).contains(ExpositionFormat.JSON);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // Prometheus 2.x scrapes with this header: OpenMetrics first.
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;"
          + "q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1 | OPENMETRICS",
      "text/plain;version=0.0.4;q=1,*/*;q=0.1                  | PROMETHEUS_TEXT",
      "text/plain                                             | PROMETHEUS_TEXT",
      "text/plain; version=1.0.0; escaping=underscores        | PROMETHEUS_TEXT",
      "application/json                                       | JSON",
      "application/json, text/plain                           | JSON",
      "text/plain, application/json                           | PROMETHEUS_TEXT",
      "text/plain;q=0.5, application/json;q=0.9               | JSON",
      "*/*                                                    | JSON",
      "application/*                                          | JSON",
      "text/*                                                 | PROMETHEUS_TEXT",
      "text/*, application/openmetrics-text                   | OPENMETRICS",
      "*/*;q=0.8, application/json;q=0                        | OPENMETRICS",
      "APPLICATION/OpenMetrics-Text; Version=\"1.0.0\"        | OPENMETRICS",
      "garbage                                                | JSON",
      "garbage, text/plain                                    | PROMETHEUS_TEXT",
      "text/plain;version=9.9, application/json;q=0.1         | JSON",
  })
  void choosesByQualityThenSpecificityThenOrder(String accept, ExpositionFormat expected) {
    assertThat(ContentNegotiation.negotiate(accept)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "text/html",
      "image/png, text/html;q=0.9",
      "application/json;q=0, text/plain;q=0, application/openmetrics-text;q=0",
      "*/*;q=0",
      "text/plain;version=9.9",
  })
  void refusesWhenNothingOfOursIsAcceptable(String accept) {
    assertThat(ContentNegotiation.negotiate(accept)).isEmpty();
  }
}
