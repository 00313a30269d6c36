package dev.tapes.it.payara;

import dev.tapes.it.shop.ShopClient;
import dev.tapes.it.shop.StatsdAcceptance;
import dev.tapes.testkit.StatsdDaemon;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The StatsD path end to end: the example WAR on Payara Micro, configured by system properties of
 * the server (tapes-cdi's keys), reporting to the reference StatsD daemon (npm {@code statsd}),
 * whose totals must equal the requests made, also across the application's undeployment.
 */
class StatsdFromPayaraIT {

  private static final Path WAR = Path.of(System.getProperty("shop.war"));

  private static StatsdDaemon statsd;
  private static PayaraMicro server;

  @BeforeAll
  static void start() throws IOException {
    statsd = StatsdDaemon.start();
    server = PayaraMicro.start(Path.of(System.getProperty("it.dir"), "statsd-from-payara"),
        List.of("-Dtapes.reporters=statsd", "-Dtapes.statsd.host=" + statsd.getHost(),
            "-Dtapes.statsd.port=" + statsd.getPort(), "-Dtapes.statsd.prefix=payara",
            "-Dtapes.report.interval=1s"));
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (statsd != null) {
        statsd.close();
      }
    }
  }

  @Test
  void daemonTotalsEqualTheRequestsMadeAlsoAfterUndeployment() throws Exception {
    server.deploy(WAR, "shop");
    StatsdAcceptance.check(new ShopClient(server.uri("shop/")), statsd, "payara",
        () -> server.undeploy("shop"));
  }
}
