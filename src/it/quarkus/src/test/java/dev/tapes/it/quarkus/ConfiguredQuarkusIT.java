package dev.tapes.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.it.shop.ShopClient;
import dev.tapes.it.shop.StatsdAcceptance;
import dev.tapes.testkit.StatsdDaemon;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Configuration and lifecycle on Quarkus, where the build compatible extension does the work:
 * {@code tapes.*} keys come from Quarkus's own MicroProfile Config (system properties and {@code
 * application.properties} alike), reporters start with the application and make a last report
 * when it stops, and a bad key stops the start with the message a Weld deployment fails with.
 */
class ConfiguredQuarkusIT {

  @Test
  void statsdTotalsEqualTheRequestsMadeAlsoAfterTheApplicationStops() throws Exception {
    try (StatsdDaemon statsd = StatsdDaemon.start();
        QuarkusApp app = QuarkusApp.start("statsd-from-quarkus", List.of(
            "-Dtapes.reporters=statsd", "-Dtapes.statsd.host=" + statsd.getHost(),
            "-Dtapes.statsd.port=" + statsd.getPort(), "-Dtapes.report.interval=1s"))) {
      // The prefix, "quarkus", comes from application.properties.
      StatsdAcceptance.check(new ShopClient(app.uri("")), statsd, "quarkus", app::stop);
    }
  }

  @Test
  void aMisspelledKeyStopsTheStartNamingTheKeyAndItsSource()
      throws IOException, InterruptedException {
    try (QuarkusApp app = QuarkusApp.launch("misspelled-key",
        List.of("-Dtapes.statsd.prot=8125"))) {
      assertThat(app.awaitExit(Duration.ofMinutes(1))).isNotZero();
      assertThat(app.log()).contains("tapes.statsd.prot: unknown key (from MicroProfile Config)");
    }
  }
}
