package dev.tapes.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromtoolTest {

  @Test
  void aWellFormedExpositionIsClean() {
    Promtool.Result result = Promtool.get().checkMetrics("""
        # HELP jobs_total Jobs done.
        # TYPE jobs_total counter
        jobs_total 3
        """);

    assertThat(result.isClean()).as(result.output()).isTrue();
  }

  @Test
  void lintProblemsAreReportedWithTheirNames() {
    Promtool.Result result = Promtool.get().checkMetrics("""
        # HELP jobsDone Jobs done.
        # TYPE jobsDone gauge
        jobsDone 3
        """);

    assertThat(result.isClean()).isFalse();
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("jobsDone", "camelCase");
  }

  @Test
  void parseErrorsFail() {
    Promtool.Result result = Promtool.get().checkMetrics("jobs_total{ 3\n");

    assertThat(result.exitCode()).isNotZero();
  }
}
