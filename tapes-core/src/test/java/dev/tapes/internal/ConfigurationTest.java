package dev.tapes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  @Test
  void systemPropertiesWinOverEnvironmentVariables() {
    Properties properties = new Properties();
    properties.setProperty("tapes.statsd.host", "from-property");

    Configuration config = Configuration.system(properties,
        Map.of("TAPES_STATSD_HOST", "from-environment"));

    assertThat(config.get("tapes.statsd.host")).isEqualTo("from-property");
  }

  @Test
  void environmentVariablesAreFoundAsMicroProfileConfigFindsThem() {
    Configuration config = Configuration.system(new Properties(), Map.of(
        "tapes.exact", "exact",
        "tapes_statsd_port", "8125",
        "TAPES_METRICS_ROLE", "admin",
        "TAPES_JAXRS_TIME_METRICS_ENDPOINT", "true"));

    assertThat(config.get("tapes.exact")).isEqualTo("exact");
    assertThat(config.get("tapes.statsd.port")).isEqualTo("8125");
    assertThat(config.get("tapes.metrics.role")).isEqualTo("admin");
    assertThat(config.find("tapes.jaxrs.time-metrics-endpoint")).contains("true");
    assertThat(config.get("tapes.unset")).isNull();
    assertThat(config.find("tapes.unset")).isEmpty();
  }

  @Test
  void withoutMicroProfileConfigTheSystemIsTheSource() {
    Configuration config = Configuration.detect(ConfigurationTest.class.getClassLoader());

    assertThat(config.describe()).isEqualTo("system properties and environment variables");
  }
}
