package dev.tapes.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.Counter;
import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.testkit.LogCapture;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The canary's rules, on real sockets, with time driven by a manual clock. */
class TransportWatchdogTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final ManualClock clock = new ManualClock();
  private final Registry counters = new Registry(clock);
  private final Counter errors = counters.counter("errors");
  private final Counter failures = counters.counter("failures");
  private final AtomicInteger failureCalls = new AtomicInteger();
  private final TransportWatchdog watchdog = new TransportWatchdog(clock, DEADLINE, false,
      errors, failures, failureCalls::incrementAndGet);

  @Test
  void aCanaryMissingForTheWholeDeadlineIsAFailureOnceAndItsReturnARecovery() {
    try (ZContext context = new ZContext(1);
        LogCapture log = LogCapture.of(TransportWatchdog.class)) {
      context.setLinger(0);
      watchdog.watch(context);
      ZMQ.Socket pull = context.createSocket(SocketType.PULL);
      pull.setReceiveTimeOut(10_000);
      pull.bind("tcp://127.0.0.1:*");
      watchdog.connectCanary(context, pull.getLastEndpoint(), null);

      watchdog.check();
      byte[] token = pull.recv();
      assertThat(token).hasSize(16).startsWith(0);
      assertThat(watchdog.isCanary(token)).isTrue();
      assertThat(watchdog.isCanary(new byte[16])).isFalse();
      clock.advance(DEADLINE);
      watchdog.check();
      assertThat(watchdog.healthy()).isTrue();

      // From now on the receive loop reads nothing: as if JeroMQ's I/O thread spun.
      clock.advance(Duration.ofSeconds(1));
      watchdog.check();
      watchdog.check();
      assertThat(watchdog.healthy()).isFalse();
      assertThat(failureCalls).hasValue(1);
      assertThat(failures.getCount()).isOne();
      assertThat(log.messages(Level.SEVERE)).singleElement().asString()
          .contains("transport is stuck").contains("no frame went through it for PT11S");

      assertThat(watchdog.isCanary(token)).isTrue();
      watchdog.check();
      assertThat(watchdog.healthy()).isTrue();
      assertThat(log.messages(Level.WARNING)).containsExactly(
          "the aggregator's 0MQ transport works again");
      assertThat(failureCalls).hasValue(1);
      assertThat(errors.getCount()).isZero();
    }
  }

  @Test
  void everyAddressBindsAreWatchedThroughLoopback() {
    assertThat(TransportWatchdog.loopback("tcp://0.0.0.0:5557")).isEqualTo("tcp://127.0.0.1:5557");
    assertThat(TransportWatchdog.loopback("tcp://*:5557")).isEqualTo("tcp://127.0.0.1:5557");
    assertThat(TransportWatchdog.loopback("tcp://[::]:5557")).isEqualTo("tcp://[::1]:5557");
    assertThat(TransportWatchdog.loopback("tcp://10.1.2.3:5557")).isEqualTo("tcp://10.1.2.3:5557");
  }

  @Test
  void theServersPublicKeyIsDerivedFromItsSecretKey() {
    for (int i = 0; i < 20; i++) {
      CurveKeyPair pair = CurveKeyPair.generate();
      byte[] derived = CurveKeyPair.publicKeyOf(CurveKeyPair.decode(pair.secretKey(), "key"));
      assertThat(CurveKeyPair.encode(derived)).isEqualTo(pair.publicKey());
    }
  }
}
