package dev.tapes.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** jcmd on this very JVM: a second process attaching to us, as it attaches to a server. */
class JvmProbeTest {

  private final JvmProbe self = JvmProbe.of(ProcessHandle.current().pid());

  @Test
  void seesThreadsComeAndGo() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread thread = new Thread(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tapes-probe-test");
    thread.start();
    try {
      assertThat(self.threadNames()).contains("tapes-probe-test", "main");
    } finally {
      release.countDown();
      thread.join(Duration.ofSeconds(10).toMillis());
    }
    assertThat(self.threadNames()).doesNotContain("tapes-probe-test");
  }

  @Test
  void countsReachableInstancesByClassName() {
    JvmProbe[] held = {self, JvmProbe.of(1)};

    assertThat(self.liveClasses("dev.tapes.testkit.JvmProbe"))
        .containsEntry("dev.tapes.testkit.JvmProbe[]", 1L)
        .hasEntrySatisfying("dev.tapes.testkit.JvmProbe", count -> assertThat(count)
            .isGreaterThanOrEqualTo(2));
    assertThat(self.liveClasses("no.such.package.")).isEmpty();
    assertThat(held).hasSize(2); // reachable until here
  }
}
