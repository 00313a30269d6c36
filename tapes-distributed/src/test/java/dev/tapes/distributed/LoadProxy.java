package dev.tapes.distributed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A proxy process for {@code DistributedIT}, started with {@code java -cp}: it records seeded
 * load when told to on standard input and answers on standard output.
 *
 * <pre>
 * java -cp aggregator.jar:test-classes dev.tapes.distributed.LoadProxy ENDPOINT NAME
 *     [SERVER_PUBLIC_KEY CLIENT_KEY_FILE]
 * stdin:  record SEED COUNT   -> stdout: recorded SEED COUNT
 *         close               -> stdout: closed   (then exits)
 * </pre>
 */
public final class LoadProxy {

  private LoadProxy() {}

  public static void main(String[] args) throws IOException {
    DistributedRegistry.Builder builder = DistributedRegistry.builder(args[0])
        .processName(args[1])
        .flushInterval(Duration.ofMillis(200))
        // Long enough that every value recorded during the test stays in the window.
        .window(Duration.ofMinutes(10));
    if (args.length > 3) {
      builder.curve(args[2], CurveKeyPair.load(Path.of(args[3])));
    }
    DistributedRegistry registry = builder.build();
    registry.gauge("load.up", () -> 1);
    registry.connect();
    System.out.println("ready " + registry.getInstanceId());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.trim().split("\\s+");
      if (words[0].equals("record")) {
        long seed = Long.parseLong(words[1]);
        int count = Integer.parseInt(words[2]);
        for (long value : LoadValues.of(seed, count)) {
          registry.histogram("load.values").update(value);
          registry.counter("load.count").increment();
          registry.meter("load.hits").mark();
        }
        registry.flush();
        System.out.println("recorded " + seed + " " + count);
      } else if (words[0].equals("close")) {
        registry.close();
        System.out.println("closed");
        return;
      }
    }
    registry.close();
  }
}
