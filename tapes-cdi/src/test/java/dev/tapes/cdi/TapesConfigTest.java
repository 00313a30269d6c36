package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.cdi.TapesConfig.StatsdReporting;
import dev.tapes.cdi.TapesConfig.StreamReporting;
import dev.tapes.internal.Configuration;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TapesConfigTest {

  private static Configuration properties(String... keyValues) {
    return settings(Map.of(), keyValues);
  }

  private static Configuration settings(Map<String, String> environment, String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return Configuration.system(properties, environment);
  }

  @Test
  void nothingConfiguredMeansNoReporter() {
    TapesConfig config = TapesConfig.read(properties());
    assertThat(config.reporters()).isEmpty();
    assertThat(config.distributed()).isNull();
  }

  @Test
  void reportersTakeTheirDefaults() {
    assertThat(TapesConfig.read(properties("tapes.reporters", "stream, statsd")).reporters())
        .containsExactly(new StreamReporting(Duration.ofSeconds(10)),
            new StatsdReporting(Duration.ofSeconds(10), "localhost", 8125, null));
  }

  @Test
  void everyKeyIsRead() {
    TapesConfig config = TapesConfig.read(properties(
        "tapes.reporters", "STATSD,stream,,",
        "tapes.report.interval", "PT30S",
        "tapes.stream.interval", "1m",
        "tapes.statsd.host", "127.0.0.1",
        "tapes.statsd.port", "9125",
        "tapes.statsd.prefix", "app"));
    assertThat(config.reporters()).containsExactly(
        new StatsdReporting(Duration.ofSeconds(30), "127.0.0.1", 9125, "app"),
        new StreamReporting(Duration.ofMinutes(1)));
    assertThat(TapesConfig.read(properties("tapes.reporters", "statsd",
        "tapes.statsd.interval", "500ms")).reporters())
        .containsExactly(new StatsdReporting(Duration.ofMillis(500), "localhost", 8125, null));
    assertThat(TapesConfig.read(properties("tapes.distributed.endpoint", "tcp://127.0.0.1:5555"))
        .distributed().endpoint()).isEqualTo("tcp://127.0.0.1:5555");
  }

  @Test
  void environmentVariablesAreFoundAsMicroProfileConfigFindsThem() {
    Configuration environment = settings(Map.of("TAPES_REPORTERS", "statsd",
        "tapes_statsd_port", "8126", "tapes.statsd.host", "127.0.0.2"));
    assertThat(TapesConfig.read(environment).reporters())
        .containsExactly(new StatsdReporting(Duration.ofSeconds(10), "127.0.0.2", 8126, null));
  }

  @Test
  void systemPropertiesWinOverEnvironmentVariables() {
    Configuration both = settings(Map.of("TAPES_STATSD_PORT", "1"), "tapes.reporters", "statsd",
        "tapes.statsd.port", "2");
    assertThat(((StatsdReporting) TapesConfig.read(both).reporters().get(0)).port()).isEqualTo(2);
  }

  @Test
  void anUnknownReporterIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> TapesConfig.read(properties("tapes.reporters", "stream,graphite")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tapes.reporters=stream,graphite: unknown reporter 'graphite'; known: stream,"
            + " statsd (from system properties and environment variables)");
  }

  @Test
  void aBadIntervalIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> TapesConfig.read(properties("tapes.report.interval", "10")))
        .hasMessage("tapes.report.interval=10: '10' is not a duration; write a whole number with"
            + " a unit (500ms, 10s, 1m, 2h) or ISO-8601 (PT10S) (from system properties and"
            + " environment variables)");
    assertThatThrownBy(() -> TapesConfig.read(properties("tapes.reporters", "stream",
        "tapes.stream.interval", "0s"))).hasMessageStartingWith("tapes.stream.interval=0s: '0s'"
            + " is not a positive duration");
  }

  @Test
  void aBadPortIsRefusedNamingTheKey() {
    for (String port : new String[] {"http", "0", "65536"}) {
      assertThatThrownBy(() -> TapesConfig.read(properties("tapes.reporters", "statsd",
          "tapes.statsd.port", port)))
          .hasMessageStartingWith("tapes.statsd.port=" + port + ": not a UDP port (1-65535)");
    }
  }

  @Test
  void aMisspelledKeyOfOursIsRefusedWithTheKnownKeys() {
    assertThatThrownBy(() -> TapesConfig.read(properties("tapes.statsd.hots", "x")))
        .hasMessageStartingWith("tapes.statsd.hots: unknown key (from system properties and"
            + " environment variables); known keys: tapes.reporters, tapes.report.interval,");
  }

  @Test
  void keysOfOtherModulesAreLeftAlone() {
    assertThat(TapesConfig.read(properties("tapes.jaxrs.enabled", "true")).reporters()).isEmpty();
  }

  @Test
  void distributedSettingsAreReadWithTheEndpoint() {
    TapesConfig.Distribution distribution = TapesConfig.read(properties(
        "tapes.distributed.endpoint", " tcp://metrics:5557 ",
        "tapes.distributed.flush-interval", "250ms",
        "tapes.distributed.process-name", "web-1",
        "tapes.distributed.curve.server-key", "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7",
        "tapes.distributed.curve.key-file", "/etc/tapes/web-1.key")).distributed();

    assertThat(distribution).isEqualTo(new TapesConfig.Distribution("tcp://metrics:5557",
        Duration.ofMillis(250), "web-1", "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7",
        java.nio.file.Path.of("/etc/tapes/web-1.key")));
  }

  @Test
  void distributedSettingsWithoutAnEndpointAreRefused() {
    assertThatThrownBy(() -> TapesConfig.read(properties(
        "tapes.distributed.process-name", "web-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tapes.distributed.process-name=web-1: set without"
            + " tapes.distributed.endpoint");
  }

  @Test
  void halfACurveConfigurationIsRefused() {
    assertThatThrownBy(() -> TapesConfig.read(properties(
        "tapes.distributed.endpoint", "tcp://metrics:5557",
        "tapes.distributed.curve.key-file", "/etc/tapes/web-1.key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CURVE also needs tapes.distributed.curve.server-key");
  }

  @Test
  void aMisspelledDistributedKeyIsRefused() {
    assertThatThrownBy(() -> TapesConfig.read(properties(
        "tapes.distributed.endpiont", "tcp://metrics:5557")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tapes.distributed.endpiont: unknown key");
  }
}
