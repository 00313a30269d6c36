package dev.tapes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JaxrsReportTest {

  private static final String SETTINGS = """
      # wrk\twrk debian/4.1.0-3+b2
      # settings\t1 wrk thread, 8 connections, 5 s warm-up per server, 3 rounds of 5 s
      # server JVM options\t-Xms256m -Xmx256m
      # round\tserver\trequests/s\trequests\tmean latency
      warm-up\tplain\t30000.0\t150000\t1.00ms
      warm-up\ttapes\t30000.0\t150000\t1.00ms
      warm-up\tdropwizard\t30000.0\t150000\t1.00ms
      1\tplain\t40000.0\t200000\t200.00us
      1\ttapes\t39000.0\t195000\t0.21ms
      1\tdropwizard\t38000.0\t190000\t0.22ms
      2\ttapes\t39500.0\t197500\t0.21ms
      2\tdropwizard\t37000.0\t185000\t0.23ms
      2\tplain\t41000.0\t205000\t190.00us
      3\tdropwizard\t36000.0\t180000\t0.24ms
      3\tplain\t30000.0\t150000\t300.00us
      3\ttapes\t38000.0\t190000\t0.22ms
      """;

  @Test
  void reportsMediansRatiosAndTheGoal() {
    String report = JaxrsReport.toMarkdown(lines(SETTINGS + """
        # timed\tplain\t-1
        # timed\ttapes\t732510
        # timed\tdropwizard\t705000
        """));

    assertThat(report)
        .contains("5 s warm-up per server, 3 rounds of 5 s")
        .contains("| Uninstrumented | 40,000 [30,000–41,000] | 1.000 | 0.20 ms | "
            + "40,000 · 41,000 · 30,000 |")
        .contains("| TapesFeature (tapes-jaxrs) | 39,000 [38,000–39,500] | 0.975 | 0.21 ms | ")
        .contains("(ratio of medians): **97.5 %**, met. Each round's ratio to the "
            + "uninstrumented server of the same round: 97.5 %, 96.3 %, 126.7 %; their median "
            + "97.5 %.")
        .contains("tapes 732,510 of 732,500; dropwizard 705,000 of 705,000.");
  }

  @Test
  void flagsAGoalMissedAndRequestsNotTimed() {
    String report = JaxrsReport.toMarkdown(lines(SETTINGS.replace("1\ttapes\t39000.0",
        "1\ttapes\t36000.0") + """
        # timed\ttapes\t100
        """));

    assertThat(report)
        .contains("**95.0 %**, not met (2.0 points short)")
        .contains("tapes 100 of 732,500 **(fewer: the figures are suspect)**")
        .contains("dropwizard unknown of 705,000 **(fewer: the figures are suspect)**");
  }

  @Test
  void readsEveryLatencyUnitOfWrk() {
    assertThat(JaxrsReport.millis("754.85us")).isEqualTo(0.75485, org.assertj.core.data.Offset
        .offset(1e-9));
    assertThat(JaxrsReport.millis("1.50ms")).isEqualTo(1.5);
    assertThat(JaxrsReport.millis("1.02s")).isEqualTo(1020.0);
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }
}
